package org.campaignledger.command.throughput;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Axon's {@link AnnotationCommandTargetResolver}, with the annotated members found once per command class
 * instead of once per command. Axon's searches every method and field of the command, and their
 * (meta-)annotations, twice per command; for a command without {@code @TargetAggregateVersion} (all of the
 * ledger's) that is the whole class every time: 7.7 % of the command lanes' CPU samples in B1's profile
 * (docs/PERFORMANCE.md). Same search order (methods, then fields; the first annotated one), same values,
 * same exceptions and messages.
 */
final class CachedCommandTargetResolver implements CommandTargetResolver {

    private static final ClassValue<Targets> TARGETS = new ClassValue<>() {
        @Override
        protected Targets computeValue(Class<?> type) {
            return new Targets(annotated(type, TargetAggregateIdentifier.class),
                    annotated(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Targets targets = TARGETS.get(command.getPayloadType());
        Object identifier;
        Long version;
        try {
            identifier = value(targets.identifier(), command.getPayload());
            version = asLong(value(targets.version(), command.getPayload()));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information form a command", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("The current security context does not allow extraction of aggregate "
                    + "information from the given command.", e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException(String.format("Invalid command. It does not identify the target "
                    + "aggregate. Make sure at least one of the fields or methods in the [%s] class contains the "
                    + "@TargetAggregateIdentifier annotation and that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        return new VersionedAggregateIdentifier(identifier, version);
    }

    /** The first annotated method, else the first annotated field, in Axon's order; null if none. */
    private static Member annotated(Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                return ReflectionUtils.ensureAccessible(method);
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                return ReflectionUtils.ensureAccessible(field);
            }
        }
        return null;
    }

    private static Object value(Member member, Object payload) throws InvocationTargetException, IllegalAccessException {
        if (member instanceof Method method) {
            return method.invoke(payload);
        }
        if (member instanceof Field field) {
            return ReflectionUtils.getFieldValue(field, payload);
        }
        return null;
    }

    private static Long asLong(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        return Long.parseLong(value.toString());
    }

    private record Targets(Member identifier, Member version) {
    }
}
