#!/usr/bin/env python3
"""Conformance check of `acrcmk serve` against the OCI Distribution Specification v1.1.

Usage:
    python3 protocol_check.py --base http://127.0.0.1:PORT --registry NAME --token REFRESH_TOKEN

Prints one line per check, `PASS <name>` or `FAIL <name>: <expected / got>`, then
`SUMMARY <passed> passed, <failed> failed`; exits 1 when any check failed.

Other options: `--list` prints every check with the spec sections it exercises; `--only REGEX` runs the
checks whose names match; `--verbose` prints each failed check's requests and responses (`--trace`: every
check's); `--run-id` fixes the namespace segment that keeps runs apart (random by default).

When a connection fails and the server stops answering (a crash), the remaining checks are reported as FAIL
"not run"; the checks known to have crashed the server come last for that reason.

Repositories are addressed by path prefix (`/v2/<registry>/<repository>/...`), and each check works in its own
repository, `<registry>/proto/<run-id>/<check>`, with content of its own (random bytes), so checks do not
depend on one another or on earlier runs against the same server. Authentication is ACR's: a 401 challenge
names the token endpoint (realm) and the service; `GET <realm>?service=&scope=` with HTTP Basic
(`00000000-0000-0000-0000-000000000000`, refresh token) returns an access token sent as `Bearer`.

Spec references ("end-N", "code-N") are the endpoint and error-code tables of the distribution spec v1.1
(https://github.com/opencontainers/distribution-spec/blob/v1.1.0/spec.md). Standard library only.
"""

import argparse
import base64
import hashlib
import http.client
import json
import os
import re
import socket
import sys
import time
import traceback
import urllib.parse

ANONYMOUS_USER = "00000000-0000-0000-0000-000000000000"
OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
OCI_INDEX = "application/vnd.oci.image.index.v1+json"
OCI_CONFIG = "application/vnd.oci.image.config.v1+json"
OCI_LAYER = "application/vnd.oci.image.layer.v1.tar"
OCI_EMPTY = "application/vnd.oci.empty.v1+json"
DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json"
DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json"
DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip"
EMPTY_JSON = b"{}"

TIMEOUT = 30.0


def sha256(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def sha512(data):
    return "sha512:" + hashlib.sha512(data).hexdigest()


def random_bytes(size):
    return os.urandom(size)


def canonical_json(value):
    return json.dumps(value, separators=(",", ":"), sort_keys=True).encode()


class CheckFailed(Exception):
    pass


# ---------------------------------------------------------------------------------------------------------------
# HTTP


class Response:
    def __init__(self, method, url, status, reason, headers, body):
        self.method = method
        self.url = url
        self.status = status
        self.reason = reason
        self.headers = headers  # list of (name, value)
        self.body = body

    def header(self, name):
        name = name.lower()
        for key, value in self.headers:
            if key.lower() == name:
                return value
        return None

    def json(self):
        try:
            return json.loads(self.body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return None

    def error_codes(self):
        document = self.json()
        if not isinstance(document, dict) or not isinstance(document.get("errors"), list):
            return []
        return [error.get("code") for error in document["errors"] if isinstance(error, dict)]

    def summary(self, headers=("Location", "Range", "Content-Range", "Content-Length", "Content-Type",
                               "Docker-Content-Digest", "OCI-Subject", "OCI-Filters-Applied", "Link",
                               "WWW-Authenticate")):
        path = urllib.parse.urlsplit(self.url)
        target = path.path + ("?" + path.query if path.query else "")
        if len(target) > 160:
            target = target[:157] + "..."
        shown = []
        for name in headers:
            value = self.header(name)
            if value is not None:
                if len(value) > 200:
                    value = value[:197] + "..."
                shown.append(f"{name}: {value}")
        text = f"{self.method} {target} -> {self.status}"
        if shown:
            text += " [" + "; ".join(shown) + "]"
        if self.body and self.method != "HEAD":
            kind = media_type(self.header("Content-Type"))
            textual = kind.endswith("json") or kind.startswith("text/")
            try:
                snippet = self.body[:300].decode("utf-8") if textual else None
            except UnicodeDecodeError:
                snippet = None
            if snippet is None:
                text += f" body=<{len(self.body)} bytes>"
            elif len(self.body) <= 300:
                text += f" body={snippet}"
            else:
                text += f" body={snippet}...({len(self.body)} bytes)"
        return text


def raw_exchange(host, port, payload, read_timeout=10.0):
    """Sends raw bytes on a new connection; returns (status line or None, headers text, error text or None)."""
    sock = socket.create_connection((host, port), timeout=TIMEOUT)
    error = None
    try:
        try:
            sock.sendall(payload)
        except OSError as exc:  # the server may refuse (and close) before reading everything
            error = f"send failed: {exc}"
        sock.settimeout(read_timeout)
        received = b""
        try:
            while b"\r\n\r\n" not in received and len(received) < 65536:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                received += chunk
        except OSError as exc:
            error = (error + "; " if error else "") + f"receive failed: {exc}"
    finally:
        sock.close()
    head = received.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    lines = head.split("\r\n")
    status = lines[0] if lines and lines[0].startswith("HTTP/") else None
    return status, head, error


# ---------------------------------------------------------------------------------------------------------------
# Registry client (ACR's token flow)


class Client:
    def __init__(self, base, registry, refresh_token, run_id):
        self.base = base.rstrip("/")
        parts = urllib.parse.urlsplit(self.base)
        if parts.scheme not in ("http", "https"):
            raise SystemExit(f"--base must be an http(s) URL, not {base!r}")
        self.host = parts.hostname
        self.port = parts.port or (443 if parts.scheme == "https" else 80)
        self.registry = registry
        self.refresh_token = refresh_token
        self.run_id = run_id
        self.tokens = {}
        self.service = None
        self.realm = None
        self.transcript = []
        self.attempt = None

    # -- plumbing

    def url(self, path):
        """An absolute URL for `path` (absolute already, or a path on the server), not normalized: a `..`
        segment is sent as written."""
        if re.match(r"^https?://", path):
            return path
        return self.base + ("" if path.startswith("/") else "/") + path

    def send(self, method, url, body=None, headers=None):
        url = self.url(url)
        parts = urllib.parse.urlsplit(url)
        connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        connection = connection_class(parts.hostname, parts.port, timeout=TIMEOUT)
        target = parts.path + ("?" + parts.query if parts.query else "")
        headers = dict(headers or {})
        if body is None and method in ("POST", "PUT", "PATCH"):
            body = b""
        self.attempt = f"{method} {target if len(target) <= 160 else target[:157] + '...'}"
        try:
            connection.request(method, target, body=body, headers=headers)
            raw = connection.getresponse()
            data = raw.read()
            response = Response(method, url, raw.status, raw.reason, raw.getheaders(), data)
        finally:
            connection.close()
        self.transcript.append(response)
        return response

    def challenge(self, response):
        value = response.header("WWW-Authenticate") or ""
        if not value.lower().startswith("bearer "):
            return None
        return dict(re.findall(r'(\w+)="([^"]*)"', value))

    def discover(self):
        """Learns the token realm and service from the challenge of an unauthenticated repository request."""
        if self.service:
            return
        response = self.send("GET", f"/v2/{self.name('discover')}/tags/list")
        fields = self.challenge(response)
        if response.status != 401 or not fields or "realm" not in fields:
            raise CheckFailed("an unauthenticated repository request should get 401 with a Bearer challenge; got: "
                              + response.summary())
        self.realm = fields["realm"]
        self.service = fields.get("service", "")

    def token(self, scopes):
        """An access token for `scopes` (a tuple of scope strings), cached."""
        key = tuple(scopes)
        if key in self.tokens:
            return self.tokens[key]
        self.discover()
        query = [("service", self.service)] + [("scope", scope) for scope in scopes]
        url = self.realm + ("&" if "?" in self.realm else "?") + urllib.parse.urlencode(query)
        basic = base64.b64encode(f"{ANONYMOUS_USER}:{self.refresh_token}".encode()).decode()
        response = self.send("GET", url, headers={"Authorization": "Basic " + basic})
        document = response.json() if response.status == 200 else None
        token = document and (document.get("access_token") or document.get("token"))
        if not token:
            raise CheckFailed("the token endpoint should return 200 with access_token; got: " + response.summary())
        self.tokens[key] = token
        return token

    def request(self, method, path, body=None, headers=None, scopes=None, auth=True):
        headers = dict(headers or {})
        if auth and scopes is not None:
            headers["Authorization"] = "Bearer " + self.token(scopes)
        return self.send(method, path, body=body, headers=headers)

    def repo(self, method, name, subpath, body=None, headers=None, actions="pull,push,delete", auth=True,
             extra_scopes=()):
        """A request under /v2/<name>/ with a token for `name`'s `actions`."""
        scopes = (f"repository:{name}:{actions}",) + tuple(extra_scopes)
        path = subpath if subpath.startswith("/") or subpath.startswith("http") else f"/v2/{name}/{subpath}"
        return self.request(method, path, body=body, headers=headers, scopes=scopes, auth=auth)

    def name(self, check):
        return f"{self.registry}/proto/{self.run_id}/{check}"

    # -- content helpers

    def push_blob(self, name, data, digest=None):
        """Pushes a blob (single POST; POST then PUT when the registry answers 202); returns its digest."""
        digest = digest or sha256(data)
        response = self.repo("POST", name, "blobs/uploads/?" + urllib.parse.urlencode({"digest": digest}), body=data,
                             headers={"Content-Type": "application/octet-stream"})
        if response.status == 202 and response.header("Location"):
            response = self.repo("PUT", name, with_query(response.header("Location"), digest=digest), body=data,
                                 headers={"Content-Type": "application/octet-stream"})
        if response.status != 201:
            raise CheckFailed(f"setup: pushing a blob of {len(data)} bytes should give 201; got: "
                              + response.summary())
        return digest

    def push_manifest(self, name, reference, manifest_bytes, media_type):
        return self.repo("PUT", name, f"manifests/{reference}", body=manifest_bytes,
                         headers={"Content-Type": media_type})

    def push_image(self, name, tag=None, media_type=OCI_MANIFEST, extra=None):
        """Pushes a config and a layer and a manifest naming them; returns (manifest bytes, digest)."""
        docker = media_type == DOCKER_MANIFEST
        config = canonical_json({"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": []},
                                 "nonce": base64.b16encode(random_bytes(8)).decode()})
        layer = random_bytes(512)
        config_digest = self.push_blob(name, config)
        layer_digest = self.push_blob(name, layer)
        manifest = {
            "schemaVersion": 2,
            "mediaType": media_type,
            "config": {"mediaType": DOCKER_CONFIG if docker else OCI_CONFIG, "digest": config_digest,
                       "size": len(config)},
            "layers": [{"mediaType": DOCKER_LAYER if docker else OCI_LAYER, "digest": layer_digest,
                        "size": len(layer)}],
        }
        if extra:
            manifest.update(extra)
        body = canonical_json(manifest)
        digest = sha256(body)
        response = self.push_manifest(name, tag or digest, body, media_type)
        if response.status != 201:
            raise CheckFailed("setup: pushing an image manifest should give 201; got: " + response.summary())
        return body, digest

    def push_artifact(self, name, subject_bytes, subject_digest, artifact_type=None, annotations=None,
                      config_media_type=OCI_EMPTY, subject_media_type=OCI_MANIFEST, reference=None):
        """Pushes an artifact manifest whose subject is the given manifest; returns (response, bytes, digest)."""
        self.push_blob(name, EMPTY_JSON)
        layer = random_bytes(64)
        layer_digest = self.push_blob(name, layer)
        manifest = {
            "schemaVersion": 2,
            "mediaType": OCI_MANIFEST,
            "config": {"mediaType": config_media_type, "digest": sha256(EMPTY_JSON), "size": len(EMPTY_JSON)},
            "layers": [{"mediaType": "application/octet-stream", "digest": layer_digest, "size": len(layer)}],
            "subject": {"mediaType": subject_media_type, "digest": subject_digest, "size": len(subject_bytes)},
        }
        if artifact_type:
            manifest["artifactType"] = artifact_type
        if annotations:
            manifest["annotations"] = annotations
        body = canonical_json(manifest)
        digest = sha256(body)
        response = self.push_manifest(name, reference or digest, body, OCI_MANIFEST)
        return response, body, digest

    def start_upload(self, name):
        response = self.repo("POST", name, "blobs/uploads/", headers={"Content-Length": "0"})
        if response.status != 202 or not response.header("Location"):
            raise CheckFailed("setup: POST blobs/uploads/ should give 202 with Location; got: " + response.summary())
        return response.header("Location")


def with_query(location, **params):
    separator = "&" if "?" in location else "?"
    return location + separator + urllib.parse.urlencode(params)


# ---------------------------------------------------------------------------------------------------------------
# Assertions


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


def expect_status(response, statuses, what, codes=None):
    """Fails unless the status is one of `statuses` (and, when `codes` is given, the body names one of them)."""
    if isinstance(statuses, int):
        statuses = (statuses,)
    wanted = "/".join(str(status) for status in statuses)
    if codes:
        wanted += " with error code " + "/".join(codes)
    if response.status not in statuses:
        raise CheckFailed(f"{what}: expected {wanted}; got: {response.summary()}")
    if codes and not set(codes) & set(response.error_codes()):
        raise CheckFailed(f"{what}: expected {wanted}; got: {response.summary()}")


def expect_header(response, name, what, value=None, pattern=None):
    actual = response.header(name)
    if actual is None:
        raise CheckFailed(f"{what}: expected a {name} header; got: {response.summary()}")
    if value is not None and actual != value:
        raise CheckFailed(f"{what}: expected {name}: {value}; got: {response.summary()}")
    if pattern is not None and not re.fullmatch(pattern, actual):
        raise CheckFailed(f"{what}: expected {name} matching {pattern}; got: {response.summary()}")
    return actual


def media_type(value):
    return (value or "").split(";")[0].strip()


# ---------------------------------------------------------------------------------------------------------------
# Checks

CHECKS = []


def check(name, spec):
    def register(function):
        CHECKS.append((name, spec, function))
        return function
    return register


# -- end-1: base endpoint and the token flow

@check("base-401-without-credentials", "end-1; Determining Support; code-11 UNAUTHORIZED")
def check_base_unauthenticated(c):
    response = c.send("GET", "/v2/")
    expect_status(response, 401, "GET /v2/ without credentials")
    fields = c.challenge(response)
    expect(fields and fields.get("realm"), "GET /v2/ without credentials: expected WWW-Authenticate: Bearer "
           "realm=...; got: " + response.summary())


@check("base-200-with-token", "end-1; Determining Support")
def check_base_token(c):
    response = c.send("GET", "/v2/")
    fields = c.challenge(response) or {}
    expect(fields.get("realm"), "GET /v2/: expected a Bearer challenge with a realm; got: " + response.summary())
    query = [("service", fields.get("service", ""))] + ([("scope", fields["scope"])] if fields.get("scope") else [])
    basic = base64.b64encode(f"{ANONYMOUS_USER}:{c.refresh_token}".encode()).decode()
    realm = fields["realm"]
    token_response = c.send("GET", realm + ("&" if "?" in realm else "?") + urllib.parse.urlencode(query),
                            headers={"Authorization": "Basic " + basic})
    expect_status(token_response, 200, "GET <realm>?service=<service> with HTTP Basic (refresh token)")
    token = (token_response.json() or {}).get("access_token")
    expect(token, "token endpoint: expected a JSON body with access_token; got: " + token_response.summary())
    response = c.send("GET", "/v2/", headers={"Authorization": "Bearer " + token})
    expect_status(response, 200, "GET /v2/ with the access token")


@check("auth-challenge-names-repository-scope", "end-8a with ACR token auth (distribution token spec)")
def check_repository_challenge(c):
    name = c.name("challenge")
    response = c.send("GET", f"/v2/{name}/tags/list")
    expect_status(response, 401, "GET tags/list without credentials")
    fields = c.challenge(response) or {}
    expect(fields.get("realm") and fields.get("service"), "expected realm and service in the challenge; got: "
           + response.summary())
    expect(fields.get("scope", "").startswith(f"repository:{name}:"), f"expected scope=\"repository:{name}:pull\" in "
           "the challenge; got: " + response.summary())
    response = c.repo("GET", name, "tags/list", actions="pull")
    expect(response.status in (200, 404), "with a token for the challenge's scope the request should be "
           "authorized (200, or 404 for an unknown repository); got: " + response.summary())


@check("auth-invalid-token-401", "end-3 with token auth; code-11 UNAUTHORIZED")
def check_invalid_token(c):
    name = c.name("invalid-token")
    c.push_image(name, "v1")
    for token in ("not-a-token", c.token((f"repository:{name}:pull",))[:-4] + "AAAA"):
        response = c.send("GET", f"/v2/{name}/manifests/v1", headers={"Authorization": "Bearer " + token})
        expect_status(response, 401, "GET manifests/v1 with a forged bearer token", codes=("UNAUTHORIZED",))
        expect((c.challenge(response) or {}).get("realm"), "the 401 should carry a Bearer challenge; got: "
               + response.summary())


@check("auth-token-bound-to-repository", "token auth: a token for one repository opens no other; code-12 DENIED")
def check_token_other_repository(c):
    mine = c.name("token-mine")
    theirs = c.name("token-theirs")
    c.push_image(theirs, "v1")
    token = c.token((f"repository:{mine}:pull,push,delete",))
    for method, path in (("GET", f"/v2/{theirs}/manifests/v1"), ("GET", f"/v2/{theirs}/tags/list"),
                         ("POST", f"/v2/{theirs}/blobs/uploads/"), ("DELETE", f"/v2/{theirs}/manifests/v1")):
        response = c.send(method, path, headers={"Authorization": "Bearer " + token})
        expect_status(response, (401, 403), f"{method} {path} with a token for another repository")
    expect_status(c.repo("GET", theirs, "manifests/v1"), 200, "the other repository's manifest afterwards")


@check("pull-only-token-cannot-push", "end-4a; code-12 DENIED (token auth: insufficient_scope)")
def check_pull_only_token(c):
    name = c.name("pull-only")
    response = c.repo("POST", name, "blobs/uploads/", actions="pull", headers={"Content-Length": "0"})
    expect_status(response, 403, "POST blobs/uploads/ with a pull-only token")
    challenge = response.header("WWW-Authenticate") or ""
    expect('error="insufficient_scope"' in challenge, "403 should carry a challenge with "
           "error=\"insufficient_scope\"; got: " + response.summary())
    data = random_bytes(100)
    response = c.repo("POST", name, "blobs/uploads/?" + urllib.parse.urlencode({"digest": sha256(data)}), body=data,
                      actions="pull")
    expect_status(response, 403, "monolithic POST with a pull-only token")
    head = c.repo("HEAD", name, f"blobs/{sha256(data)}")
    expect_status(head, 404, "the refused blob must not be stored (HEAD)")


@check("push-token-cannot-delete", "end-9 with ACR token auth (delete is its own action); code-12 DENIED")
def check_push_token_delete(c):
    name = c.name("no-delete")
    _, digest = c.push_image(name, "v1")
    response = c.repo("DELETE", name, "manifests/v1", actions="pull,push")
    expect_status(response, 403, "DELETE manifests/v1 with a pull,push token")
    expect('error="insufficient_scope"' in (response.header("WWW-Authenticate") or ""), "403 should carry a "
           "challenge with error=\"insufficient_scope\"; got: " + response.summary())
    expect_status(c.repo("GET", name, f"manifests/{digest}"), 200, "the manifest after the refused delete")


# -- blob pushes

@check("blob-monolithic-single-post", "end-4b (Single POST); end-2")
def check_monolithic_post(c):
    name = c.name("monolithic")
    data = random_bytes(3000)
    digest = sha256(data)
    response = c.repo("POST", name, "blobs/uploads/?" + urllib.parse.urlencode({"digest": digest}), body=data,
                      headers={"Content-Type": "application/octet-stream"})
    expect_status(response, 201, "POST blobs/uploads/?digest= with the whole blob")
    location = expect_header(response, "Location", "single POST")
    expect_header(response, "Docker-Content-Digest", "single POST", value=digest)
    pulled = c.repo("GET", name, location)
    expect_status(pulled, 200, "GET the returned Location")
    expect(pulled.body == data, f"GET Location: expected the {len(data)} pushed bytes; got {len(pulled.body)} "
           "different bytes")


@check("blob-post-then-put", "end-4a; end-6 (POST then PUT)")
def check_post_then_put(c):
    name = c.name("post-put")
    data = random_bytes(2048)
    digest = sha256(data)
    response = c.repo("POST", name, "blobs/uploads/")
    expect_status(response, 202, "POST blobs/uploads/")
    location = expect_header(response, "Location", "POST blobs/uploads/")
    expect(re.search(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}", location),
           "the upload Location MUST contain a UUID; got: " + response.summary())
    response = c.repo("PUT", name, with_query(location, digest=digest), body=data,
                      headers={"Content-Type": "application/octet-stream"})
    expect_status(response, 201, "PUT <location>?digest= with the whole blob")
    blob_location = expect_header(response, "Location", "PUT <location>?digest=")
    pulled = c.repo("GET", name, blob_location)
    expect_status(pulled, 200, "GET the blob Location")
    expect(pulled.body == data, "GET blob Location: bytes differ from the pushed ones")


@check("blob-chunked-upload", "end-4a; end-5 (PATCH: 202, Location, Range); end-6")
def check_chunked(c):
    name = c.name("chunked")
    data = random_bytes(10000)
    first, second = data[:4000], data[4000:]
    response = c.repo("POST", name, "blobs/uploads/", headers={"Content-Length": "0"})
    expect_status(response, 202, "POST blobs/uploads/ (Content-Length: 0)")
    location = expect_header(response, "Location", "POST blobs/uploads/")
    response = c.repo("PATCH", name, location, body=first, headers={
        "Content-Type": "application/octet-stream", "Content-Range": f"0-{len(first) - 1}"})
    expect_status(response, 202, "first PATCH (Content-Range 0-3999)")
    location = expect_header(response, "Location", "first PATCH")
    expect_header(response, "Range", "first PATCH", value=f"0-{len(first) - 1}")
    response = c.repo("PATCH", name, location, body=second, headers={
        "Content-Type": "application/octet-stream", "Content-Range": f"{len(first)}-{len(data) - 1}"})
    expect_status(response, 202, "second PATCH (Content-Range 4000-9999)")
    location = expect_header(response, "Location", "second PATCH")
    expect_header(response, "Range", "second PATCH", value=f"0-{len(data) - 1}")
    response = c.repo("PUT", name, with_query(location, digest=sha256(data)))
    expect_status(response, 201, "closing PUT <location>?digest= without a body")
    expect_header(response, "Location", "closing PUT")
    pulled = c.repo("GET", name, f"blobs/{sha256(data)}")
    expect_status(pulled, 200, "GET the assembled blob")
    expect(pulled.body == data, "the assembled blob differs from the chunks sent")


@check("blob-chunked-final-chunk-in-put", "end-5; end-6 (final chunk in the closing PUT)")
def check_chunked_final_put(c):
    name = c.name("chunked-final-put")
    data = random_bytes(5000)
    location = c.start_upload(name)
    response = c.repo("PATCH", name, location, body=data[:3000], headers={
        "Content-Type": "application/octet-stream", "Content-Range": "0-2999"})
    expect_status(response, 202, "PATCH 0-2999")
    location = response.header("Location") or location
    response = c.repo("PUT", name, with_query(location, digest=sha256(data)), body=data[3000:], headers={
        "Content-Type": "application/octet-stream", "Content-Range": f"3000-{len(data) - 1}"})
    expect_status(response, 201, "closing PUT carrying the last chunk")
    pulled = c.repo("GET", name, f"blobs/{sha256(data)}")
    expect_status(pulled, 200, "GET the assembled blob")
    expect(pulled.body == data, "the assembled blob differs from the chunks sent")


@check("blob-chunk-out-of-order-416", "end-5 (chunks out of order MUST give 416)")
def check_out_of_order(c):
    name = c.name("out-of-order")
    data = random_bytes(3000)
    location = c.start_upload(name)
    response = c.repo("PATCH", name, location, body=data[:1000], headers={
        "Content-Type": "application/octet-stream", "Content-Range": "0-999"})
    expect_status(response, 202, "PATCH 0-999")
    location = response.header("Location") or location
    response = c.repo("PATCH", name, location, body=data[2000:], headers={
        "Content-Type": "application/octet-stream", "Content-Range": "2000-2999"})
    expect_status(response, 416, "PATCH 2000-2999 after 0-999 (a gap)")
    status = c.repo("GET", name, location)
    expect_status(status, 204, "GET upload status after the 416")
    expect_header(status, "Range", "upload status after the 416", value="0-999")


@check("blob-put-final-chunk-out-of-order-416", "end-5/end-6 (the final chunk may come with the PUT; a chunk out of "
       "order MUST give 416)")
def check_put_chunk_out_of_order(c):
    name = c.name("put-out-of-order")
    data = random_bytes(2000)
    location = c.start_upload(name)
    response = c.repo("PATCH", name, location, body=data[:1000], headers={
        "Content-Type": "application/octet-stream", "Content-Range": "0-999"})
    expect_status(response, 202, "PATCH 0-999")
    location = response.header("Location") or location
    # The bytes are the right continuation (so the digest would match); only the declared range is wrong.
    response = c.repo("PUT", name, with_query(location, digest=sha256(data)), body=data[1000:], headers={
        "Content-Type": "application/octet-stream", "Content-Range": "1500-2499"})
    expect_status(response, 416, "closing PUT with Content-Range 1500-2499 after 0-999")


@check("blob-chunk-retry-previous-416", "end-5 (a chunk that does not start at the end of range MUST give 416)")
def check_retry_previous(c):
    name = c.name("retry-previous")
    data = random_bytes(2000)
    location = c.start_upload(name)
    response = c.repo("PATCH", name, location, body=data[:1000], headers={
        "Content-Type": "application/octet-stream", "Content-Range": "0-999"})
    expect_status(response, 202, "PATCH 0-999")
    location = response.header("Location") or location
    response = c.repo("PATCH", name, location, body=data[:1000], headers={
        "Content-Type": "application/octet-stream", "Content-Range": "0-999"})
    expect_status(response, 416, "PATCH 0-999 again (the previous chunk)")


@check("blob-chunk-malformed-content-range", "end-5 (Content-Range MUST match ^[0-9]+-[0-9]+$)")
def check_malformed_content_range(c):
    name = c.name("bad-content-range")
    location = c.start_upload(name)
    for value in ("bytes=0-9", "garbage", "9-0x"):
        response = c.repo("PATCH", name, location, body=random_bytes(10), headers={
            "Content-Type": "application/octet-stream", "Content-Range": value})
        expect_status(response, (400, 416), f"PATCH with Content-Range: {value}")
    status = c.repo("GET", name, location)
    expect(status.status in (204, 404), "upload status after refused chunks should be 204 (nothing appended) or "
           "404 (session ended); got: " + status.summary())
    if status.status == 204:
        good = random_bytes(10)
        response = c.repo("PATCH", name, status.header("Location") or location, body=good, headers={
            "Content-Type": "application/octet-stream", "Content-Range": "0-9"})
        expect_status(response, 202, "a well-formed PATCH 0-9 after the refused ones (no bytes were appended)")


@check("blob-upload-status-204", "end-13 (204, Location, Range)")
def check_upload_status(c):
    name = c.name("upload-status")
    location = c.start_upload(name)
    response = c.repo("PATCH", name, location, body=random_bytes(1500), headers={
        "Content-Type": "application/octet-stream", "Content-Range": "0-1499"})
    expect_status(response, 202, "PATCH 0-1499")
    location = response.header("Location") or location
    status = c.repo("GET", name, location)
    expect_status(status, 204, "GET <location>")
    expect_header(status, "Location", "GET <location>")
    expect_header(status, "Range", "GET <location>", value="0-1499")
    unknown = c.repo("GET", name, "blobs/uploads/00000000-1111-2222-3333-444444444444")
    expect_status(unknown, 404, "GET status of an unknown upload", codes=("BLOB_UPLOAD_UNKNOWN",))


@check("blob-upload-cancel", "end-14 (DELETE upload: 204); end-13 then 404; code-3 BLOB_UPLOAD_UNKNOWN")
def check_upload_cancel(c):
    name = c.name("upload-cancel")
    data = random_bytes(500)
    location = c.start_upload(name)
    response = c.repo("PATCH", name, location, body=data, headers={
        "Content-Type": "application/octet-stream", "Content-Range": "0-499"})
    expect_status(response, 202, "PATCH 0-499")
    location = response.header("Location") or location
    response = c.repo("DELETE", name, location)
    expect_status(response, 204, "DELETE <location>")
    status = c.repo("GET", name, location)
    expect_status(status, 404, "GET <location> after DELETE", codes=("BLOB_UPLOAD_UNKNOWN",))
    response = c.repo("PUT", name, with_query(location, digest=sha256(data)))
    expect_status(response, 404, "PUT <location>?digest= after DELETE", codes=("BLOB_UPLOAD_UNKNOWN",))
    expect_status(c.repo("HEAD", name, f"blobs/{sha256(data)}"), 404, "HEAD of the cancelled upload's digest")


@check("blob-empty", "end-4a; end-6; end-2 (a zero-length blob is content like any other)")
def check_empty_blob(c):
    name = c.name("empty-blob")
    digest = sha256(b"")
    location = c.start_upload(name)
    response = c.repo("PUT", name, with_query(location, digest=digest), body=b"",
                      headers={"Content-Type": "application/octet-stream"})
    expect_status(response, 201, "PUT <location>?digest=<sha256 of nothing> with an empty body")
    head = c.repo("HEAD", name, f"blobs/{digest}")
    expect_status(head, 200, "HEAD of the empty blob")
    expect_header(head, "Content-Length", "HEAD of the empty blob", value="0")
    pulled = c.repo("GET", name, f"blobs/{digest}")
    expect_status(pulled, 200, "GET of the empty blob")
    expect(pulled.body == b"", "GET of the empty blob returned bytes")


@check("blob-sha512-digest", "end-4b; end-2; Pulling blobs (Docker-Content-Digest may differ in algorithm); "
       "image-spec descriptor.md#digests (sha512 is a registered algorithm)")
def check_sha512(c):
    name = c.name("sha512")
    data = random_bytes(700)
    digest = sha512(data)
    response = c.repo("POST", name, "blobs/uploads/?" + urllib.parse.urlencode({"digest": digest}), body=data,
                      headers={"Content-Type": "application/octet-stream"})
    if response.status == 202 and response.header("Location"):
        response = c.repo("PUT", name, with_query(response.header("Location"), digest=digest), body=data,
                          headers={"Content-Type": "application/octet-stream"})
    expect_status(response, 201, "upload with a sha512 digest (PASS only when accepted and retrievable)")
    pulled = c.repo("GET", name, f"blobs/{digest}")
    expect_status(pulled, 200, "GET blobs/<sha512 digest>")
    expect(pulled.body == data, "GET blobs/<sha512 digest>: bytes differ")
    returned = pulled.header("Docker-Content-Digest")
    if returned and returned.startswith("sha512:"):
        expect(returned == digest, "Docker-Content-Digest does not match the body: " + pulled.summary())


@check("blob-upload-bound-to-repository", "end-5/end-6/end-13 (an upload <location> belongs to its repository); "
       "code-3 BLOB_UPLOAD_UNKNOWN")
def check_upload_other_repository(c):
    owner = c.name("upload-owner")
    other = c.name("upload-other")
    location = c.start_upload(owner)
    session = location.rstrip("/").rsplit("/", 1)[-1].split("?")[0]
    data = random_bytes(100)
    for method, body, headers in (("GET", None, {}), ("PATCH", data, {"Content-Range": "0-99"}),
                                  ("PUT", data, {})):
        path = f"blobs/uploads/{session}" + (("?" + urllib.parse.urlencode({"digest": sha256(data)}))
                                              if method == "PUT" else "")
        response = c.repo(method, other, path, body=body, headers=headers)
        expect_status(response, 404, f"{method} on another repository's upload session",
                      codes=("BLOB_UPLOAD_UNKNOWN",))
    status = c.repo("GET", owner, location)
    expect_status(status, 204, "GET the session in its own repository afterwards")


@check("blob-put-without-digest-400", "end-6 (the closing PUT MUST include ?digest=; 400)")
def check_put_without_digest(c):
    name = c.name("put-no-digest")
    location = c.start_upload(name)
    response = c.repo("PUT", name, location, body=random_bytes(10),
                      headers={"Content-Type": "application/octet-stream"})
    expect_status(response, 400, "PUT <location> without ?digest=")


@check("blob-streamed-patch", "end-5 without Content-Range (Docker-style streamed upload; widely used by clients)")
def check_streamed_patch(c):
    name = c.name("streamed")
    data = random_bytes(6000)
    location = c.start_upload(name)
    response = c.repo("PATCH", name, location, body=data, headers={"Content-Type": "application/octet-stream"})
    expect_status(response, 202, "PATCH without Content-Range")
    expect_header(response, "Range", "PATCH without Content-Range", value=f"0-{len(data) - 1}")
    response = c.repo("PUT", name, with_query(response.header("Location") or location, digest=sha256(data)))
    expect_status(response, 201, "closing PUT")
    pulled = c.repo("GET", name, f"blobs/{sha256(data)}")
    expect(pulled.status == 200 and pulled.body == data, "GET the streamed blob: expected 200 with its bytes; got: "
           + pulled.summary())


# -- blob pulls

@check("blob-head-and-get", "end-2 (200, Content-Length, Docker-Content-Digest matches the body; HEAD has no body)")
def check_blob_head_get(c):
    name = c.name("blob-pull")
    data = random_bytes(4321)
    digest = c.push_blob(name, data)
    head = c.repo("HEAD", name, f"blobs/{digest}")
    expect_status(head, 200, "HEAD blobs/<digest>")
    expect_header(head, "Content-Length", "HEAD blobs/<digest>", value=str(len(data)))
    expect_header(head, "Docker-Content-Digest", "HEAD blobs/<digest>", value=digest)
    expect(head.body == b"", "HEAD must not return a body")
    pulled = c.repo("GET", name, f"blobs/{digest}")
    expect_status(pulled, 200, "GET blobs/<digest>")
    expect_header(pulled, "Content-Length", "GET blobs/<digest>", value=str(len(data)))
    expect_header(pulled, "Docker-Content-Digest", "GET blobs/<digest>", value=digest)
    expect(pulled.body == data, "GET blobs/<digest>: bytes differ from the pushed ones")
    expect(sha256(pulled.body) == digest, "GET blobs/<digest>: body does not hash to the digest")


@check("blob-range-206", "Pulling blobs: Range per RFC 9110 (206, Content-Range)")
def check_range(c):
    name = c.name("range")
    data = random_bytes(1000)
    digest = c.push_blob(name, data)
    for header, start, end in (("bytes=100-199", 100, 199), ("bytes=900-", 900, 999), ("bytes=-50", 950, 999)):
        response = c.repo("GET", name, f"blobs/{digest}", headers={"Range": header})
        expect_status(response, 206, f"GET with Range: {header}")
        expect_header(response, "Content-Range", f"Range: {header}", value=f"bytes {start}-{end}/{len(data)}")
        expect(response.body == data[start:end + 1], f"Range: {header}: expected bytes {start}..{end}; got "
               f"{len(response.body)} bytes that differ")


@check("blob-range-unsatisfiable-416", "Pulling blobs: Range per RFC 9110 (416, Content-Range: bytes */size)")
def check_range_416(c):
    name = c.name("range-416")
    data = random_bytes(100)
    digest = c.push_blob(name, data)
    response = c.repo("GET", name, f"blobs/{digest}", headers={"Range": "bytes=500-600"})
    expect_status(response, 416, "GET with Range: bytes=500-600 on a 100-byte blob")
    expect_header(response, "Content-Range", "416 response", value=f"bytes */{len(data)}")


@check("blob-unknown-404", "end-2 (404); code-1 BLOB_UNKNOWN")
def check_blob_unknown(c):
    name = c.name("blob-unknown")
    c.push_blob(name, random_bytes(10))
    digest = sha256(random_bytes(32))
    expect_status(c.repo("GET", name, f"blobs/{digest}"), 404, "GET blobs/<unknown digest>", codes=("BLOB_UNKNOWN",))
    expect_status(c.repo("HEAD", name, f"blobs/{digest}"), 404, "HEAD blobs/<unknown digest>")


@check("blob-malformed-digest-400", "end-2; code-4 DIGEST_INVALID")
def check_malformed_digest(c):
    name = c.name("bad-digest")
    for digest in ("sha256:xyz", "sha256:" + "A" * 64, "nodigest"):
        response = c.repo("GET", name, "blobs/" + urllib.parse.quote(digest, safe=":"))
        expect_status(response, 400, f"GET blobs/{digest}", codes=("DIGEST_INVALID",))


@check("blob-repository-scoped", "end-2 (\"If the blob is not found in the repository, the response code MUST be "
       "404\")")
def check_blob_scope(c):
    owner = c.name("scope-owner")
    other = c.name("scope-other")
    data = random_bytes(300)
    digest = c.push_blob(owner, data)
    c.push_image(other, "v1")  # the other repository exists, but never received this blob
    expect_status(c.repo("GET", owner, f"blobs/{digest}"), 200, "GET in the repository it was pushed to")
    expect_status(c.repo("GET", other, f"blobs/{digest}"), 404, "GET of a blob pushed only to another repository")


@check("blob-mount-existing-201", "end-11 (201, Location)")
def check_mount(c):
    source = c.name("mount-source")
    target = c.name("mount-target")
    data = random_bytes(800)
    digest = c.push_blob(source, data)
    response = c.repo("POST", target, "blobs/uploads/?" + urllib.parse.urlencode({"mount": digest, "from": source}),
                      extra_scopes=(f"repository:{source}:pull",))
    expect_status(response, 201, "POST ?mount=<existing digest>&from=<repository>")
    location = expect_header(response, "Location", "mount")
    pulled = c.repo("GET", target, location)
    expect_status(pulled, 200, "GET the mounted blob's Location")
    expect(pulled.body == data, "the mounted blob's bytes differ")


@check("blob-mount-unknown-202", "end-11 (202: an upload session begins instead)")
def check_mount_unknown(c):
    source = c.name("mount-unknown-source")
    target = c.name("mount-unknown-target")
    data = random_bytes(600)
    digest = sha256(data)
    response = c.repo("POST", target, "blobs/uploads/?" + urllib.parse.urlencode({"mount": digest, "from": source}),
                      extra_scopes=(f"repository:{source}:pull",))
    expect_status(response, 202, "POST ?mount=<unknown digest>&from=<repository>")
    location = expect_header(response, "Location", "mount fallback")
    response = c.repo("PUT", target, with_query(location, digest=digest), body=data,
                      headers={"Content-Type": "application/octet-stream"})
    expect_status(response, 201, "PUT ?digest= to the session the mount fallback opened")


# -- manifests

@check("manifest-put-by-tag", "end-7 (201, Location, Docker-Content-Digest)")
def check_manifest_put_tag(c):
    name = c.name("manifest-put")
    config = canonical_json({"architecture": "amd64", "os": "linux"})
    layer = random_bytes(256)
    manifest = canonical_json({
        "schemaVersion": 2, "mediaType": OCI_MANIFEST,
        "config": {"mediaType": OCI_CONFIG, "digest": c.push_blob(name, config), "size": len(config)},
        "layers": [{"mediaType": OCI_LAYER, "digest": c.push_blob(name, layer), "size": len(layer)}],
    })
    response = c.push_manifest(name, "v1", manifest, OCI_MANIFEST)
    expect_status(response, 201, "PUT manifests/v1")
    location = expect_header(response, "Location", "PUT manifests/v1")
    expect_header(response, "Docker-Content-Digest", "PUT manifests/v1", value=sha256(manifest))
    pulled = c.repo("GET", name, location, headers={"Accept": OCI_MANIFEST})
    expect_status(pulled, 200, "GET the manifest Location")
    expect(pulled.body == manifest, "GET manifest Location: bytes differ from the pushed manifest")


@check("manifest-put-by-digest", "end-7 (Docker-Content-Digest MUST equal the client's digest)")
def check_manifest_put_digest(c):
    name = c.name("manifest-put-digest")
    body, digest = c.push_image(name)
    response = c.push_manifest(name, digest, body, OCI_MANIFEST)
    expect_status(response, 201, "PUT manifests/<digest> (again, same bytes)")
    expect_header(response, "Docker-Content-Digest", "PUT manifests/<digest>", value=digest)
    expect_header(response, "Location", "PUT manifests/<digest>")


@check("manifest-get-by-tag", "end-3 (200, body byte for byte, Docker-Content-Digest)")
def check_manifest_get_tag(c):
    name = c.name("manifest-get-tag")
    body, digest = c.push_image(name, "latest")
    response = c.repo("GET", name, "manifests/latest", headers={"Accept": OCI_MANIFEST})
    expect_status(response, 200, "GET manifests/latest")
    expect(response.body == body, "GET manifests/latest: bytes differ from the pushed manifest")
    expect_header(response, "Docker-Content-Digest", "GET manifests/latest", value=digest)


@check("manifest-get-by-digest", "end-3 (200, body byte for byte, Docker-Content-Digest)")
def check_manifest_get_digest(c):
    name = c.name("manifest-get-digest")
    body, digest = c.push_image(name, "v1")
    response = c.repo("GET", name, f"manifests/{digest}", headers={"Accept": OCI_MANIFEST})
    expect_status(response, 200, "GET manifests/<digest>")
    expect(response.body == body, "GET manifests/<digest>: bytes differ from the pushed manifest")
    expect_header(response, "Docker-Content-Digest", "GET manifests/<digest>", value=digest)


@check("manifest-head", "end-3 (HEAD: 200, Docker-Content-Digest, Content-Length, no body)")
def check_manifest_head(c):
    name = c.name("manifest-head")
    body, digest = c.push_image(name, "v1")
    for reference in ("v1", digest):
        head = c.repo("HEAD", name, f"manifests/{reference}", headers={"Accept": OCI_MANIFEST})
        expect_status(head, 200, f"HEAD manifests/{reference}")
        expect_header(head, "Docker-Content-Digest", f"HEAD manifests/{reference}", value=digest)
        expect_header(head, "Content-Length", f"HEAD manifests/{reference}", value=str(len(body)))
        expect(head.body == b"", "HEAD must not return a body")
        expect(media_type(head.header("Content-Type")) == OCI_MANIFEST, f"HEAD manifests/{reference}: expected "
               f"Content-Type {OCI_MANIFEST}; got: {head.summary()}")


@check("manifest-content-type-is-media-type", "Pulling manifests (Content-Type is the manifest's type); "
       "Pushing Manifests")
def check_manifest_content_type(c):
    for index, kind in enumerate((OCI_MANIFEST, DOCKER_MANIFEST)):
        name = c.name(f"content-type-{index}")
        c.push_image(name, "v1", media_type=kind)
        response = c.repo("GET", name, "manifests/v1", headers={"Accept": f"{OCI_MANIFEST}, {DOCKER_MANIFEST}"})
        expect_status(response, 200, "GET manifests/v1")
        expect(media_type(response.header("Content-Type")) == kind, f"expected Content-Type {kind} (the manifest's "
               f"mediaType); got: {response.summary()}")


@check("manifest-index", "end-7; end-3 (an image index referencing manifests)")
def check_manifest_index(c):
    name = c.name("index")
    first, first_digest = c.push_image(name)
    second, second_digest = c.push_image(name)
    index = canonical_json({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": [
        {"mediaType": OCI_MANIFEST, "digest": first_digest, "size": len(first),
         "platform": {"architecture": "amd64", "os": "linux"}},
        {"mediaType": OCI_MANIFEST, "digest": second_digest, "size": len(second),
         "platform": {"architecture": "arm64", "os": "linux"}},
    ]})
    response = c.push_manifest(name, "multi", index, OCI_INDEX)
    expect_status(response, 201, "PUT manifests/multi (an image index)")
    pulled = c.repo("GET", name, "manifests/multi", headers={"Accept": OCI_INDEX})
    expect_status(pulled, 200, "GET manifests/multi")
    expect(pulled.body == index, "the index's bytes differ")
    expect(media_type(pulled.header("Content-Type")) == OCI_INDEX, f"expected Content-Type {OCI_INDEX}; got: "
           + pulled.summary())


@check("manifest-missing-blob", "Push (\"MUST result in one or more MANIFEST_BLOB_UNKNOWN errors\"); end-7; code-5")
def check_manifest_missing_blob(c):
    name = c.name("manifest-missing-blob")
    config = canonical_json({"architecture": "amd64", "os": "linux"})
    missing = random_bytes(128)
    manifest = canonical_json({
        "schemaVersion": 2, "mediaType": OCI_MANIFEST,
        "config": {"mediaType": OCI_CONFIG, "digest": c.push_blob(name, config), "size": len(config)},
        "layers": [{"mediaType": OCI_LAYER, "digest": sha256(missing), "size": len(missing)}],
    })
    response = c.push_manifest(name, "v1", manifest, OCI_MANIFEST)
    expect_status(response, (400, 404), "PUT a manifest whose layer was never pushed",
                  codes=("MANIFEST_BLOB_UNKNOWN",))
    expect_status(c.repo("GET", name, "manifests/v1"), 404, "GET manifests/v1 after the refusal")


@check("manifest-subject-missing-accepted", "Push (\"MUST initially accept ... a subject field that references a "
       "manifest that does not exist\"); Pushing Manifests with Subject (OCI-Subject)")
def check_subject_missing(c):
    name = c.name("subject-missing")
    ghost = canonical_json({"ghost": base64.b16encode(random_bytes(8)).decode()})
    response, _, digest = c.push_artifact(name, ghost, sha256(ghost), artifact_type="application/vnd.example.ghost")
    expect_status(response, 201, "PUT an artifact whose subject does not exist")
    expect_header(response, "OCI-Subject", "PUT an artifact whose subject does not exist", value=sha256(ghost))
    listed = c.repo("GET", name, f"referrers/{sha256(ghost)}")
    expect_status(listed, 200, "GET referrers/<missing subject>")
    digests = [item.get("digest") for item in (listed.json() or {}).get("manifests", [])]
    expect(digest in digests, "the artifact should be listed as a referrer of its (missing) subject; got: "
           + listed.summary())


@check("manifest-put-digest-mismatch", "end-7; code-4 DIGEST_INVALID")
def check_manifest_digest_mismatch(c):
    name = c.name("manifest-digest-mismatch")
    body, digest = c.push_image(name, "v1")
    wrong = sha256(random_bytes(16))
    response = c.push_manifest(name, wrong, body, OCI_MANIFEST)
    expect_status(response, 400, "PUT manifests/<a digest that is not the body's>", codes=("DIGEST_INVALID",))
    expect_status(c.repo("GET", name, f"manifests/{wrong}"), 404, "GET manifests/<wrong digest> after the refusal")


@check("manifest-invalid-json", "end-7; code-6 MANIFEST_INVALID")
def check_manifest_invalid(c):
    name = c.name("manifest-invalid")
    for body in (b"{not json", b"[1,2,3]"):
        response = c.push_manifest(name, "bad", body, OCI_MANIFEST)
        expect_status(response, 400, f"PUT manifests/bad with body {body!r}", codes=("MANIFEST_INVALID",))


@check("manifest-invalid-tag", "Pulling manifests (a tag MUST match [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127})")
def check_manifest_invalid_tag(c):
    name = c.name("manifest-invalid-tag")
    body, _ = c.push_image(name)
    for tag in ("-leading-dash", "t" * 129):
        response = c.push_manifest(name, tag, body, OCI_MANIFEST)
        expect_status(response, 400, f"PUT manifests/{tag[:20]}{'...' if len(tag) > 20 else ''} (not a valid tag)")


@check("manifest-unknown-404", "end-3 (404); code-7 MANIFEST_UNKNOWN")
def check_manifest_unknown(c):
    name = c.name("manifest-unknown")
    c.push_image(name, "v1")
    expect_status(c.repo("GET", name, "manifests/nope"), 404, "GET manifests/<unknown tag>",
                  codes=("MANIFEST_UNKNOWN",))
    unknown = sha256(random_bytes(16))
    expect_status(c.repo("GET", name, f"manifests/{unknown}"), 404, "GET manifests/<unknown digest>",
                  codes=("MANIFEST_UNKNOWN",))
    expect_status(c.repo("HEAD", name, "manifests/nope"), 404, "HEAD manifests/<unknown tag>")


@check("manifest-tag-overwrite", "end-7 (PUT to an existing tag moves it); end-3")
def check_tag_overwrite(c):
    name = c.name("tag-overwrite")
    _, first = c.push_image(name, "latest")
    second_body, second = c.push_image(name, "latest")
    response = c.repo("GET", name, "manifests/latest", headers={"Accept": OCI_MANIFEST})
    expect_status(response, 200, "GET manifests/latest after pushing a second manifest to it")
    expect(response.body == second_body and response.header("Docker-Content-Digest") == second, "manifests/latest "
           "should be the second manifest; got: " + response.summary())
    expect_status(c.repo("GET", name, f"manifests/{first}"), 200, "the first manifest by digest (untagged, still "
                  "there)")


# -- tags and catalog

@check("tags-list", "end-8a (200, {name, tags}, lexical or ASCIIbetical order)")
def check_tags_list(c):
    name = c.name("tags")
    body, _ = c.push_image(name)
    tags = ["v3", "A1", "b2", "latest", "v10"]
    for tag in tags:
        expect_status(c.push_manifest(name, tag, body, OCI_MANIFEST), 201, f"PUT manifests/{tag}")
    response = c.repo("GET", name, "tags/list")
    expect_status(response, 200, "GET tags/list")
    document = response.json() or {}
    expect(document.get("name") == name, f"tags/list: expected name {name!r}; got: {response.summary()}")
    listed = document.get("tags")
    ordered = (sorted(tags), sorted(tags, key=str.lower))
    expect(listed in [list(order) for order in ordered], f"tags/list: expected {sorted(tags)} (ASCIIbetical) or "
           f"{sorted(tags, key=str.lower)} (lexical); got: {response.summary()}")


@check("tags-list-pagination", "end-8b (n, last, Link rel=\"next\"; n=0 gives an empty list)")
def check_tags_pagination(c):
    name = c.name("tags-pages")
    body, _ = c.push_image(name)
    tags = ["t1", "t2", "t3", "t4", "t5"]
    for tag in tags:
        expect_status(c.push_manifest(name, tag, body, OCI_MANIFEST), 201, f"PUT manifests/{tag}")
    seen = []
    response = c.repo("GET", name, "tags/list?n=2")
    expect_status(response, 200, "GET tags/list?n=2")
    expect((response.json() or {}).get("tags") == ["t1", "t2"], "tags/list?n=2: expected [t1, t2]; got: "
           + response.summary())
    pages = 0
    while True:
        seen += (response.json() or {}).get("tags", [])
        link = response.header("Link")
        if not link:
            break
        match = re.fullmatch(r'\s*<([^>]+)>\s*;\s*rel="?next"?\s*', link)
        expect(match, "expected Link: <url>; rel=\"next\" (RFC 5988); got: " + response.summary())
        pages += 1
        expect(pages < 10, "the Link chain does not end")
        response = c.repo("GET", name, match.group(1))
        expect_status(response, 200, "GET the Link's next page")
        expect(len((response.json() or {}).get("tags", [])) <= 2, "a next page returned more than n tags: "
               + response.summary())
    expect(seen == tags, f"following Link from n=2: expected {tags}; got {seen}")
    expect(pages == 2, f"5 tags with n=2 should take 3 pages (2 Links); took {pages + 1}")
    response = c.repo("GET", name, "tags/list?n=2&last=t2")
    expect_status(response, 200, "GET tags/list?n=2&last=t2")
    expect((response.json() or {}).get("tags") == ["t3", "t4"], "tags/list?n=2&last=t2: expected [t3, t4]; got: "
           + response.summary())
    response = c.repo("GET", name, "tags/list?last=t3")
    expect_status(response, 200, "GET tags/list?last=t3")
    expect((response.json() or {}).get("tags") == ["t4", "t5"], "tags/list?last=t3: expected [t4, t5]; got: "
           + response.summary())
    response = c.repo("GET", name, "tags/list?n=10")
    expect_status(response, 200, "GET tags/list?n=10 (more than there are)")
    expect((response.json() or {}).get("tags") == tags and response.header("Link") is None, "tags/list?n=10: expected "
           "all 5 tags and no Link; got: " + response.summary())
    response = c.repo("GET", name, "tags/list?n=0")
    expect_status(response, 200, "GET tags/list?n=0")
    expect((response.json() or {}).get("tags") in ([], None), "tags/list?n=0 MUST return an empty list; got: "
           + response.summary())
    expect(response.header("Link") is None, "tags/list?n=0 MUST NOT include a Link header; got: "
           + response.summary())


@check("tags-unknown-repository-404", "end-8a (404); code-9 NAME_UNKNOWN")
def check_tags_unknown(c):
    name = c.name("never-pushed")
    expect_status(c.repo("GET", name, "tags/list"), 404, "GET tags/list of a repository never pushed",
                  codes=("NAME_UNKNOWN",))


@check("catalog-lists-and-paginates", "Docker Registry HTTP API V2 /v2/_catalog (not in OCI v1.1; same n/last/Link "
       "rules as end-8b)")
def check_catalog(c):
    names = [c.name(f"catalog-{letter}") for letter in "abc"]
    for name in names:
        c.push_image(name, "v1")
    scopes = ("registry:catalog:*",)
    response = c.request("GET", "/v2/_catalog", scopes=scopes)
    expect_status(response, 200, "GET /v2/_catalog")
    listed = (response.json() or {}).get("repositories") or []
    missing = [name for name in names if name not in listed]
    expect(not missing, f"/v2/_catalog: expected {missing} (with the registry prefix) among the repositories; got "
           f"{len(listed)} names, e.g. {listed[:5]}")
    expect(listed == sorted(listed), "/v2/_catalog: repositories are not sorted")
    prefix = c.name("catalog-")
    response = c.request("GET", "/v2/_catalog?" + urllib.parse.urlencode({"n": 1, "last": names[0]}), scopes=scopes)
    expect_status(response, 200, "GET /v2/_catalog?n=1&last=<first>")
    page = (response.json() or {}).get("repositories")
    expect(page == [names[1]], f"/v2/_catalog?n=1&last={names[0]}: expected [{names[1]}]; got: "
           + response.summary())
    link = response.header("Link")
    match = link and re.fullmatch(r'\s*<([^>]+)>\s*;\s*rel="?next"?\s*', link)
    expect(match, "/v2/_catalog?n=1 with more names after it: expected Link: <...>; rel=\"next\"; got: "
           + response.summary())
    response = c.request("GET", match.group(1), scopes=scopes)
    expect_status(response, 200, "GET the catalog Link's next page")
    page = (response.json() or {}).get("repositories") or []
    expect(page[:1] == [names[2]] and all(item.startswith(prefix) or item > names[2] for item in page),
           f"the catalog's next page should start with {names[2]}; got: {response.summary()}")


# -- referrers (v1.1)

def referrer_descriptors(response):
    document = response.json() or {}
    manifests = document.get("manifests")
    return manifests if isinstance(manifests, list) else None


@check("referrers-oci-subject-header", "Pushing Manifests with Subject (OCI-Subject: <subject digest>)")
def check_oci_subject(c):
    name = c.name("oci-subject")
    subject, subject_digest = c.push_image(name, "v1")
    response, _, _ = c.push_artifact(name, subject, subject_digest, artifact_type="application/vnd.example.sig")
    expect_status(response, 201, "PUT an artifact manifest with a subject")
    expect_header(response, "OCI-Subject", "PUT an artifact manifest with a subject", value=subject_digest)


@check("referrers-list", "end-12a (200, image index, descriptors with artifactType and annotations)")
def check_referrers_list(c):
    name = c.name("referrers")
    subject, subject_digest = c.push_image(name, "v1")
    annotations = {"org.example.note": "hello", "org.opencontainers.image.created": "2024-01-01T00:00:00Z"}
    response, body, digest = c.push_artifact(name, subject, subject_digest,
                                             artifact_type="application/vnd.example.sbom", annotations=annotations)
    expect_status(response, 201, "PUT the artifact")
    listed = c.repo("GET", name, f"referrers/{subject_digest}", actions="pull")
    expect_status(listed, 200, "GET referrers/<subject digest>")
    expect(media_type(listed.header("Content-Type")) == OCI_INDEX, f"referrers: Content-Type MUST be {OCI_INDEX}; "
           "got: " + listed.summary())
    document = listed.json() or {}
    expect(document.get("schemaVersion") == 2 and document.get("mediaType") == OCI_INDEX,
           "referrers: expected an image index (schemaVersion 2, mediaType index); got: " + listed.summary())
    descriptors = referrer_descriptors(listed) or []
    found = [item for item in descriptors if item.get("digest") == digest]
    expect(len(found) == 1, f"referrers: expected one descriptor for {digest}; got: {listed.summary()}")
    descriptor = found[0]
    expected = {"mediaType": OCI_MANIFEST, "size": len(body), "artifactType": "application/vnd.example.sbom",
                "annotations": annotations}
    wrong = {key: descriptor.get(key) for key, value in expected.items() if descriptor.get(key) != value}
    expect(not wrong, f"referrers: descriptor fields differ from {expected}: {wrong}")


@check("referrers-artifact-type-filter", "end-12b (only matching; OCI-Filters-Applied: artifactType)")
def check_referrers_filter(c):
    name = c.name("referrers-filter")
    subject, subject_digest = c.push_image(name, "v1")
    _, _, sbom = c.push_artifact(name, subject, subject_digest, artifact_type="application/vnd.example.sbom")
    _, _, signature = c.push_artifact(name, subject, subject_digest, artifact_type="application/vnd.example.sig")
    listed = c.repo("GET", name, f"referrers/{subject_digest}")
    expect_status(listed, 200, "GET referrers/<digest>")
    everything = {item.get("digest") for item in referrer_descriptors(listed) or []}
    expect({sbom, signature} <= everything, "unfiltered referrers should list both artifacts; got: " + listed.summary())
    expect(listed.header("OCI-Filters-Applied") is None, "no filter was requested, yet OCI-Filters-Applied is set: "
           + listed.summary())
    query = urllib.parse.urlencode({"artifactType": "application/vnd.example.sbom"})
    filtered = c.repo("GET", name, f"referrers/{subject_digest}?{query}")
    expect_status(filtered, 200, "GET referrers/<digest>?artifactType=application/vnd.example.sbom")
    digests = [item.get("digest") for item in referrer_descriptors(filtered) or []]
    expect(digests == [sbom], f"filtered referrers: expected only [{sbom}]; got: {filtered.summary()}")
    applied = [part.strip() for part in (filtered.header("OCI-Filters-Applied") or "").split(",")]
    expect("artifactType" in applied, "filtered referrers: expected OCI-Filters-Applied: artifactType; got: "
           + filtered.summary())


@check("referrers-artifact-type-from-config", "end-12a (no artifactType: the descriptor's artifactType is the "
       "config mediaType)")
def check_referrers_config_type(c):
    name = c.name("referrers-config-type")
    subject, subject_digest = c.push_image(name, "v1")
    response, _, digest = c.push_artifact(name, subject, subject_digest,
                                          config_media_type="application/vnd.example.cfg")
    expect_status(response, 201, "PUT an artifact without artifactType")
    listed = c.repo("GET", name, f"referrers/{subject_digest}")
    expect_status(listed, 200, "GET referrers/<digest>")
    found = [item for item in referrer_descriptors(listed) or [] if item.get("digest") == digest]
    expect(found and found[0].get("artifactType") == "application/vnd.example.cfg", "expected artifactType "
           "application/vnd.example.cfg (the config's mediaType); got: " + listed.summary())


@check("referrers-no-referrers-empty-200", "end-12a (MUST NOT 404 when supported; empty manifests list)")
def check_referrers_empty(c):
    name = c.name("referrers-empty")
    _, subject_digest = c.push_image(name, "v1")
    for digest in (subject_digest, sha256(random_bytes(16))):
        listed = c.repo("GET", name, f"referrers/{digest}")
        expect_status(listed, 200, "GET referrers/<digest with no referrers>")
        expect(referrer_descriptors(listed) == [], "expected an image index with an empty manifests list; got: "
               + listed.summary())
        expect(media_type(listed.header("Content-Type")) == OCI_INDEX, f"Content-Type MUST be {OCI_INDEX}; got: "
               + listed.summary())


@check("referrers-invalid-digest-400", "end-12a (\"a <digest> with an invalid syntax ... 400 MUST be returned\")")
def check_referrers_bad_digest(c):
    name = c.name("referrers-bad-digest")
    c.push_image(name, "v1")
    expect_status(c.repo("GET", name, "referrers/sha256:nothex"), 400, "GET referrers/sha256:nothex")


@check("referrers-repository-scoped", "end-12a (descriptors are of manifests in the same <name> namespace)")
def check_referrers_scope(c):
    first = c.name("referrers-scope-a")
    second = c.name("referrers-scope-b")
    subject, subject_digest = c.push_image(first, "v1")
    c.push_image(second, "v1")
    _, _, digest = c.push_artifact(second, subject, subject_digest, artifact_type="application/vnd.example.other")
    listed = c.repo("GET", first, f"referrers/{subject_digest}")
    expect_status(listed, 200, "GET referrers/<digest> in the subject's repository")
    digests = [item.get("digest") for item in referrer_descriptors(listed) or []]
    expect(digest not in digests, "an artifact pushed to another repository is listed: " + listed.summary())


# -- deletion

@check("delete-tag", "end-9 (DELETE by tag: 202; then GET tag 404, the manifest stays)")
def check_delete_tag(c):
    name = c.name("delete-tag")
    body, digest = c.push_image(name, "v1")
    expect_status(c.push_manifest(name, "v2", body, OCI_MANIFEST), 201, "PUT manifests/v2 (a second tag)")
    response = c.repo("DELETE", name, "manifests/v1")
    expect_status(response, 202, "DELETE manifests/v1")
    expect_status(c.repo("GET", name, "manifests/v1"), 404, "GET manifests/v1 after deleting the tag")
    expect_status(c.repo("GET", name, f"manifests/{digest}"), 200, "GET manifests/<digest> after deleting a tag")
    expect_status(c.repo("GET", name, "manifests/v2"), 200, "GET manifests/v2 (the other tag) after deleting v1")
    expect_status(c.repo("DELETE", name, "manifests/v1"), 404, "DELETE manifests/v1 again (no such tag)")


@check("delete-manifest-by-digest", "end-9 (202; then GET by digest and by tag 404); code-7 MANIFEST_UNKNOWN")
def check_delete_manifest(c):
    name = c.name("delete-manifest")
    _, digest = c.push_image(name, "v1")
    c.push_image(name, "keep")  # the repository keeps a manifest: MANIFEST_UNKNOWN is the only right code
    response = c.repo("DELETE", name, f"manifests/{digest}")
    expect_status(response, 202, "DELETE manifests/<digest>")
    expect_status(c.repo("GET", name, f"manifests/{digest}"), 404, "GET manifests/<digest> after the delete",
                  codes=("MANIFEST_UNKNOWN",))
    expect_status(c.repo("GET", name, "manifests/v1"), 404, "GET manifests/v1 (its tag) after the delete")
    again = c.repo("DELETE", name, f"manifests/{digest}")
    expect_status(again, 404, "DELETE manifests/<digest> again", codes=("MANIFEST_UNKNOWN",))
    expect_status(c.repo("GET", name, "manifests/keep"), 200, "GET manifests/keep (the other manifest)")


@check("delete-last-manifest", "end-9 (202; then 404 for the manifest; an emptied repository may be gone: "
       "code-7 MANIFEST_UNKNOWN or code-9 NAME_UNKNOWN)")
def check_delete_last_manifest(c):
    name = c.name("delete-last-manifest")
    _, digest = c.push_image(name, "v1")
    expect_status(c.repo("DELETE", name, f"manifests/{digest}"), 202, "DELETE manifests/<the only manifest>")
    expect_status(c.repo("GET", name, f"manifests/{digest}"), 404, "GET manifests/<digest> after the delete",
                  codes=("MANIFEST_UNKNOWN", "NAME_UNKNOWN"))
    expect_status(c.repo("GET", name, "manifests/v1"), 404, "GET manifests/v1 after the delete",
                  codes=("MANIFEST_UNKNOWN", "NAME_UNKNOWN"))


@check("delete-blob-unsupported", "end-10 (deletion disabled: 400 or 405); code-13 UNSUPPORTED")
def check_delete_blob(c):
    name = c.name("delete-blob")
    data = random_bytes(100)
    digest = c.push_blob(name, data)
    response = c.repo("DELETE", name, f"blobs/{digest}")
    expect_status(response, 405, "DELETE blobs/<digest>", codes=("UNSUPPORTED",))
    expect_status(c.repo("HEAD", name, f"blobs/{digest}"), 200, "HEAD blobs/<digest> after the refused delete")


# -- names

@check("name-dot-dot-refused", "Pulling manifests (<name> MUST match the name regular expression); code-8 "
       "NAME_INVALID / code-9 NAME_UNKNOWN")
def check_dot_dot(c):
    base = c.name("dotdot")
    escaped = f"{c.registry}/proto/{c.run_id}/escaped-target"
    plain = f"{c.registry}/proto/{c.run_id}/plain-target"
    attempts = [
        (f"{base}/../plain-target", plain),
        (f"{base}/%2e%2e/escaped-target", escaped),
    ]
    for addressed, target in attempts:
        data = random_bytes(50)
        response = c.request("POST", f"/v2/{addressed}/blobs/uploads/?" + urllib.parse.urlencode(
            {"digest": sha256(data)}), body=data, scopes=(f"repository:{addressed}:pull,push",
                                                           f"repository:{target}:pull,push"))
        expect_status(response, (400, 404), f"POST /v2/{addressed}/blobs/uploads/",
                      codes=("NAME_INVALID", "NAME_UNKNOWN"))
        body = canonical_json({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": []})
        response = c.request("PUT", f"/v2/{addressed}/manifests/v1", body=body, headers={"Content-Type": OCI_INDEX},
                             scopes=(f"repository:{addressed}:pull,push", f"repository:{target}:pull,push"))
        expect_status(response, (400, 404), f"PUT /v2/{addressed}/manifests/v1", codes=("NAME_INVALID", "NAME_UNKNOWN"))
        listed = c.repo("GET", target, "tags/list")
        expect_status(listed, 404, f"tags/list of {target} (nothing may have been created there)")
        head = c.repo("HEAD", target, f"blobs/{sha256(data)}")
        expect_status(head, 404, f"HEAD of the refused blob in {target}")


@check("name-uppercase-invalid", "Pulling manifests (<name> MUST match [a-z0-9]+...); code-8 NAME_INVALID")
def check_uppercase_name(c):
    name = f"{c.registry}/proto/{c.run_id}/UpperCase"
    data = random_bytes(50)
    problems = []
    attempts = [
        ("POST blobs/uploads/?digest= (single POST)", lambda: c.repo(
            "POST", name, "blobs/uploads/?" + urllib.parse.urlencode({"digest": sha256(data)}), body=data)),
        ("POST blobs/uploads/ (session)", lambda: c.repo("POST", name, "blobs/uploads/")),
        ("PUT manifests/v1", lambda: c.push_manifest(
            name, "v1", canonical_json({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": []}), OCI_INDEX)),
    ]
    for what, attempt in attempts:
        response = attempt()
        if response.status != 400 or "NAME_INVALID" not in response.error_codes():
            problems.append(f"{what}: expected 400 NAME_INVALID; got: {response.summary()}")
    expect(not problems, " | ".join(problems))


# -- robustness

def alive(c, what):
    response = c.request("GET", "/v2/", scopes=(f"repository:{c.name('alive')}:pull",))
    expect_status(response, 200, f"GET /v2/ after {what} (is the server still answering?)")


def cut_off(c, method, location, headers, sent, declared):
    """Sends `method` to `location` declaring `declared` body bytes, sends `sent`, closes the connection."""
    target = urllib.parse.urlsplit(c.url(location))
    lines = [f"{method} {target.path}{'?' + target.query if target.query else ''} HTTP/1.1",
             f"Host: {c.host}:{c.port}", f"Content-Length: {declared}", "Content-Type: application/octet-stream"]
    lines += [f"{key}: {value}" for key, value in headers.items()]
    sock = socket.create_connection((c.host, c.port), timeout=TIMEOUT)
    try:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + sent)
        time.sleep(0.3)
    finally:
        sock.close()
    time.sleep(1.0)


@check("huge-request-header", "HTTP robustness (RFC 9110 §15.5.14/RFC 6585 431): refused with 4xx, server survives")
def check_huge_header(c):
    c.discover()
    payload = (f"GET /v2/ HTTP/1.1\r\nHost: {c.host}:{c.port}\r\nX-Padding: " + "a" * (200 * 1024)
               + "\r\nConnection: close\r\n\r\n").encode()
    status, _, error = raw_exchange(c.host, c.port, payload)
    expect(status is not None, f"a 200 KB request header: expected a 431 or 413 response; got no response ({error})")
    code = int(status.split()[1])
    expect(code in (413, 431), f"a 200 KB request header: expected 431 or 413; got {status!r}")
    alive(c, "a 200 KB request header")


@check("truncated-body", "end-4b / end-6 robustness: a body cut short stores nothing; server survives")
def check_truncated(c):
    name = c.name("truncated")
    full = random_bytes(100000)
    digest = sha256(full)
    auth = {"Authorization": "Bearer " + c.token((f"repository:{name}:pull,push,delete",))}
    cut_off(c, "POST", f"/v2/{name}/blobs/uploads/?" + urllib.parse.urlencode({"digest": digest}), auth, full[:10],
            len(full))
    location = c.start_upload(name)
    cut_off(c, "PUT", with_query(location, digest=digest), auth, full[:10], len(full))
    head = c.repo("HEAD", name, f"blobs/{digest}")
    expect_status(head, 404, "HEAD of the digest whose upload was cut off after 10 of 100000 bytes")
    alive(c, "truncated uploads")
    # The same blob pushed properly afterwards is stored whole.
    c.push_blob(name, full)
    pulled = c.repo("GET", name, f"blobs/{digest}")
    expect(pulled.status == 200 and pulled.body == full, "pushing the blob whole after the cut-off attempts: expected "
           "200 with its bytes; got: " + pulled.summary())


@check("interrupted-upload-session", "Use Cases: Resumable Push; end-13 (204 with the true Range, or 404 "
       "BLOB_UPLOAD_UNKNOWN); end-5 (resume at Range end + 1)")
def check_interrupted_session(c):
    name = c.name("interrupted")
    data = random_bytes(3000)
    location = c.start_upload(name)
    response = c.repo("PATCH", name, location, body=data[:1000], headers={
        "Content-Type": "application/octet-stream", "Content-Range": "0-999"})
    expect_status(response, 202, "PATCH 0-999")
    location = response.header("Location") or location
    auth = "Bearer " + c.token((f"repository:{name}:pull,push,delete",))
    cut_off(c, "PATCH", location, {"Authorization": auth, "Content-Range": "1000-2999"}, data[1000:1010], 2000)
    status = c.repo("GET", name, location)
    if status.status == 404:
        expect_status(status, 404, "GET the session after a PATCH cut off after 10 of 2000 bytes",
                      codes=("BLOB_UPLOAD_UNKNOWN",))
        return
    expect_status(status, 204, "GET the session after a PATCH cut off after 10 of 2000 bytes (204 if it can "
                  "resume, 404 if it ended)")
    match = re.fullmatch(r"0-(\d+)", status.header("Range") or "")
    expect(match, "upload status: expected Range: 0-<end>; got: " + status.summary())
    offset = int(match.group(1)) + 1
    expect(offset <= len(data), "upload status claims more bytes than were sent: " + status.summary())
    resumed = c.repo("PATCH", name, status.header("Location") or location, body=data[offset:], headers={
        "Content-Type": "application/octet-stream", "Content-Range": f"{offset}-{len(data) - 1}"})
    expect_status(resumed, 202, f"the session reported {status.header('Range')} (so it is resumable): PATCH "
                  f"{offset}-{len(data) - 1} should continue it")
    closed = c.repo("PUT", name, with_query(resumed.header("Location") or location, digest=sha256(data)))
    expect_status(closed, 201, "closing PUT of the resumed upload")


# -- error paths that have stopped servers before (kept last so a crash costs few results)

@check("blob-put-digest-mismatch", "end-6 (400); code-4 DIGEST_INVALID")
def check_put_digest_mismatch(c):
    name = c.name("put-mismatch")
    data = random_bytes(1000)
    claimed = sha256(random_bytes(1000))
    location = c.start_upload(name)
    response = c.repo("PUT", name, with_query(location, digest=claimed), body=data,
                      headers={"Content-Type": "application/octet-stream"})
    expect_status(response, 400, "PUT <location>?digest=<not the body's digest>", codes=("DIGEST_INVALID",))
    expect_status(c.repo("HEAD", name, f"blobs/{claimed}"), 404, "HEAD of the claimed digest after the refusal")
    expect_status(c.repo("GET", name, f"blobs/{claimed}"), 404, "GET of the claimed digest after the refusal")


@check("blob-monolithic-digest-mismatch", "end-4b (400); code-4 DIGEST_INVALID")
def check_post_digest_mismatch(c):
    name = c.name("post-mismatch")
    data = random_bytes(1000)
    claimed = sha256(random_bytes(1000))
    response = c.repo("POST", name, "blobs/uploads/?" + urllib.parse.urlencode({"digest": claimed}), body=data,
                      headers={"Content-Type": "application/octet-stream"})
    expect_status(response, 400, "POST ?digest=<not the body's digest>", codes=("DIGEST_INVALID",))
    expect_status(c.repo("HEAD", name, f"blobs/{claimed}"), 404, "HEAD of the claimed digest after the refusal")


# ---------------------------------------------------------------------------------------------------------------


def server_answers(client):
    """True when the server answers GET /v2/ (any status) within a few seconds."""
    time.sleep(1.0)
    for _ in range(3):
        try:
            client.send("GET", "/v2/")
            return True
        except (OSError, http.client.HTTPException):
            time.sleep(1.0)
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", help="the server, e.g. http://127.0.0.1:5000")
    parser.add_argument("--registry", help="the registry's name (the first path segment of repository names)")
    parser.add_argument("--token", help="a refresh token (acrcmk az acr login -n NAME --expose-token)")
    parser.add_argument("--only", help="run only the checks whose names match this regular expression")
    parser.add_argument("--skip", action="append", default=[],
                        help="NAME=REASON: do not run this check, and say why (a documented difference)")
    parser.add_argument("--run-id", help="namespace segment for this run's repositories (default: random)")
    parser.add_argument("--verbose", action="store_true", help="print each failed check's exchanges")
    parser.add_argument("--trace", action="store_true", help="print every check's exchanges")
    parser.add_argument("--list", action="store_true", help="list the checks and their spec sections, then exit")
    args = parser.parse_args()
    if args.list:
        for name, spec, _ in CHECKS:
            print(f"{name}\t{spec}")
        return 0
    if not (args.base and args.registry and args.token):
        parser.error("--base, --registry and --token are required")
    run_id = args.run_id or "r" + os.urandom(4).hex()
    skipped = dict(entry.split("=", 1) if "=" in entry else (entry, "no reason given") for entry in args.skip)
    for name, reason in skipped.items():
        print(f"SKIP {name}: {reason}")
    selected = [item for item in CHECKS if (not args.only or re.search(args.only, item[0])) and item[0] not in skipped]
    passed = failed = 0
    stopped_during = None
    for name, _, function in selected:
        if stopped_during:
            failed += 1
            print(f"FAIL {name}: not run: the server stopped answering during {stopped_during}", flush=True)
            continue
        client = Client(args.base, args.registry, args.token, run_id)
        try:
            function(client)
        except CheckFailed as failure:
            failed += 1
            print(f"FAIL {name}: {failure}", flush=True)
        except (OSError, http.client.HTTPException) as error:
            failed += 1
            attempt = client.attempt or "none"
            alive_now = server_answers(client)
            print(f"FAIL {name}: no response to {attempt} ({type(error).__name__}: {error})"
                  + ("" if alive_now else "; the server no longer answers (did it crash?)"), flush=True)
            if not alive_now:
                stopped_during = name
        except Exception as error:  # a bug in the check itself is a failure too
            failed += 1
            print(f"FAIL {name}: the check raised {type(error).__name__}: {error}", flush=True)
            if args.verbose:
                traceback.print_exc()
        else:
            passed += 1
            print(f"PASS {name}", flush=True)
            if not args.trace:
                continue
        if args.verbose or args.trace:
            for response in client.transcript:
                print("    " + response.summary(), flush=True)
    print(f"SUMMARY {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
