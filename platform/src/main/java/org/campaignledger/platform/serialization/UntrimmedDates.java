package org.campaignledger.platform.serialization;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.LocalDate;

/**
 * A date in a request is {@code yyyy-mm-dd} and nothing else. Jackson's {@code LocalDate} deserializer trims the
 * text first, so {@code "\u00072025-07-26"} (a control character before the date) was read as 26 July and the
 * fact recorded: found by the bad-input properties in deploy/reliability. Here text with anything Jackson would
 * trim around it (spaces, control characters) is refused as a malformed value of its field, before Jackson's own
 * deserializer reads it.
 */
final class UntrimmedDates extends SimpleModule {

    UntrimmedDates() {
        super("untrimmed-dates");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return description.getBeanClass() == LocalDate.class ? new Refusing(deserializer) : deserializer;
            }
        });
    }

    /** Refuses text with something around the date, then hands over to the deserializer it wraps. */
    private static final class Refusing extends DelegatingDeserializer {

        Refusing(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Refusing(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                if (text.trim().length() != text.length()) {
                    return context.handleWeirdStringValue(LocalDate.class, text,
                            "a date is written yyyy-mm-dd, with nothing before or after it");
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
