# Build: the Maven wrapper inside a full JDK; tests run in CI (./mvnw verify), not in the image build.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY db/ db/
COPY src/ src/
RUN ./mvnw -B -DskipTests package \
    && cp target/ecs-tag-service-*.jar /build/app.jar

# Run: a JRE only, as an unprivileged user.
FROM eclipse-temurin:17-jre
# curl serves the container health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin tags
WORKDIR /app
COPY --from=build /build/app.jar /app/app.jar
COPY jvm.options /app/jvm.options
# glibc would otherwise keep a malloc arena per thread; bench/run measures with two (see jvm.options).
ENV MALLOC_ARENA_MAX=2
USER 10001
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/app.jar"]
