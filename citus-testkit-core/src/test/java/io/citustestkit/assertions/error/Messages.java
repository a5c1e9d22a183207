package io.citustestkit.assertions.error;

import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;

import static org.assertj.core.presentation.StandardRepresentation.STANDARD_REPRESENTATION;

/** Renders a message factory as AssertJ would for an assertion described as "TEST". */
final class Messages {

    private Messages() {
    }

    static String create(ErrorMessageFactory factory) {
        return factory.create(new TextDescription("TEST"), STANDARD_REPRESENTATION);
    }
}
