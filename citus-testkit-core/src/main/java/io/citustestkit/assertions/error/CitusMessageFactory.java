package io.citustestkit.assertions.error;

import org.assertj.core.error.BasicErrorMessageFactory;

/** The base of citus-testkit's message factories: an AssertJ factory that can pass text unquoted. */
abstract class CitusMessageFactory extends BasicErrorMessageFactory {

    CitusMessageFactory(String format, Object... arguments) {
        super(format, arguments);
    }

    /** Text AssertJ's representation prints as is (SQL, sentences, plan excerpts), not in quotes. */
    static Object unquoted(String text) {
        return unquotedString(text);
    }
}
