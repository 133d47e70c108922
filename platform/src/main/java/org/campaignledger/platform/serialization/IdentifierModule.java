package org.campaignledger.platform.serialization;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import org.campaignledger.api.common.Identifier;

/**
 * Writes every {@link Identifier} as its bare string and reads it back through the record's
 * constructor, so an invalid id in a request is a field error, not a server error.
 */
public class IdentifierModule extends SimpleModule {

    public IdentifierModule() {
        super("campaign-ledger-identifiers");
        addSerializer(Identifier.class, new IdentifierSerializer());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                            BeanDescription description) {
                Class<?> raw = type.getRawClass();
                if (Identifier.class.isAssignableFrom(raw) && raw.isRecord()) {
                    return new IdentifierDeserializer(raw);
                }
                return null;
            }
        });
    }

    private static final class IdentifierSerializer extends StdSerializer<Identifier> {

        IdentifierSerializer() {
            super(Identifier.class);
        }

        @Override
        public void serialize(Identifier value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(value.value());
        }
    }

    private static final class IdentifierDeserializer extends JsonDeserializer<Object> {

        private final Class<?> type;
        private final Constructor<?> constructor;

        IdentifierDeserializer(Class<?> type) {
            this.type = type;
            try {
                this.constructor = type.getDeclaredConstructor(String.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " must have a constructor taking one String", e);
            }
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return context.handleUnexpectedToken(type, parser);
            }
            String text = parser.getText();
            try {
                return constructor.newInstance(text);
            } catch (InvocationTargetException e) {
                return context.handleInstantiationProblem(type, text, e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
