# syntax=docker/dockerfile:1
# ombudsgraph: a static binary on a distroless base, running as non-root.

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/ombudsgraph ./cmd/ombudsgraph

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/ombudsgraph /usr/local/bin/ombudsgraph
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/ombudsgraph"]
CMD ["serve", "--addr", "0.0.0.0:8080"]
