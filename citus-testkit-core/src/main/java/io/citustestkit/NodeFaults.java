package io.citustestkit;

/** What a running cluster does for {@link CitusNode}'s fault-injection methods. */
interface NodeFaults {

    void stop(CitusNode node);

    void start(CitusNode node);

    void pause(CitusNode node);

    void unpause(CitusNode node);

    void restart(CitusNode node);

    int mappedPort(CitusNode node);
}
