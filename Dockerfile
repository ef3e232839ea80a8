# syntax=docker/dockerfile:1
# Build: the Maven wrapper inside a full JDK. Tests run in CI (./mvnw verify); here they are neither compiled nor
# copied (.dockerignore). The local Maven repository is a BuildKit cache: dependencies download once, not per build.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
# The whole (filtered) context, .git included when there is one: git-commit-id reads the commit for /actuator/info.
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -Dmaven.test.skip=true package \
    && cp target/ecs-tag-service-*.jar app.jar \
    && java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# Run: a JRE only, as an unprivileged user. One image layer per Spring Boot layer, the least changing first, so that
# a new build of the service ships only its own classes: dependencies, the loader, snapshot dependencies, then the
# application.
FROM eclipse-temurin:17-jre
# curl serves the container health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin tags
WORKDIR /app
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
COPY jvm.options /app/jvm.options
# glibc would otherwise keep a malloc arena per thread; bench/run measures with two (see jvm.options).
ENV MALLOC_ARENA_MAX=2
USER 10001
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
# The JVM flags of jvm.options (the benchmark's), then Spring Boot's launcher over the extracted layers.
ENTRYPOINT ["java", "@/app/jvm.options", "-cp", "/app", "org.springframework.boot.loader.launch.JarLauncher"]
