# readout: the Discord bot in a minimal, non-root image.
#   docker build -t readout .
#   docker run --rm -e DISCORD_TOKEN=... -v readout-data:/data readout
# The bundled sample record is compiled into the binary (go:embed), so the
# image answers out of the box; mount a record and a config to use your own.

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
# The same flags as the test that checks this file (cmd/readout/docker_test.go).
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/readout ./cmd/readout \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot AS runtime
COPY --from=build /out/readout /usr/local/bin/readout
COPY --from=build --chown=65532:65532 /out/data /data
COPY config.example.yaml /etc/readout/config.example.yaml
ENV READOUT_DATA=/data
VOLUME ["/data"]
EXPOSE 9090
USER 65532:65532
HEALTHCHECK --interval=30s --timeout=5s --start-period=2m --retries=3 \
  CMD ["/usr/local/bin/readout", "health", "--url", "http://127.0.0.1:9090/healthz"]
ENTRYPOINT ["/usr/local/bin/readout"]
CMD ["serve", "--http", "0.0.0.0:9090"]
