package org.campaignledger.platform.serialization;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.LocalDate;

/**
 * A date in a request is {@code yyyy-mm-dd} and an enum is its constant's name, and nothing else. Jackson's
 * {@code java.time} and enum deserializers trim the text first, so {@code "\u00072025-07-26"} (a control character
 * before the date) was read as 26 July, and {@code "\u000B\u0000HIGH"} as {@code HIGH}, and the fact recorded: both
 * found by the bad-input properties in deploy/reliability. Here text with anything Jackson would trim around it
 * (spaces, control characters) is refused as a malformed value of its field, before Jackson's own deserializer
 * reads it.
 */
final class UntrimmedScalars extends SimpleModule {

    UntrimmedScalars() {
        super("untrimmed-scalars");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == LocalDate.class) {
                    return new Refusing(type, "a date is written yyyy-mm-dd, with nothing before or after it",
                            deserializer);
                }
                return type.getPackageName().equals("java.time")
                        ? new Refusing(type, "written ISO-8601, with nothing before or after it", deserializer)
                        : deserializer;
            }

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description,
                                                              JsonDeserializer<?> deserializer) {
                return new Refusing(type.getRawClass(), "a constant's name, with nothing before or after it",
                        deserializer);
            }
        });
    }

    /** Refuses text with something around the value, then hands over to the deserializer it wraps. */
    private static final class Refusing extends DelegatingDeserializer {

        private final Class<?> type;
        private final String expected;

        Refusing(Class<?> type, String expected, JsonDeserializer<?> delegate) {
            super(delegate);
            this.type = type;
            this.expected = expected;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Refusing(type, expected, delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                if (text.trim().length() != text.length()) {
                    return context.handleWeirdStringValue(type, text, expected);
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
