#!/usr/bin/env python3
"""Writes the seeds of the registry-request fuzz target: a credentials byte, `METHOD /path?query`, NUL, header
lines, NUL, body.

The target's home holds the CMK registry `fuzzreg` with `app:v1` (the config and layer below) and the vault
`fuzzkv` with the key `fuzzkey`. Credentials bytes: 0 none, 1 admin user, 2 access token for app, 3 refresh token,
4 forged token, 5 Entra token for Key Vault. Run from the repository root: python3 Fuzz/make-registry-request-seeds.py
"""
import hashlib
import json
import os

FOLDER = "Fuzz/corpus/registry-request"
CONFIG = b'{"architecture":"amd64","os":"linux","rootfs":{"type":"layers"}}'
LAYER = b"layer bytes"
MANIFEST = "application/vnd.oci.image.manifest.v1+json"


def digest(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def manifest(layer=LAYER):
    return json.dumps({"schemaVersion": 2, "mediaType": MANIFEST,
                       "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": digest(CONFIG),
                                  "size": len(CONFIG)},
                       "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": digest(layer),
                                   "size": len(layer)}]}, separators=(",", ":")).encode()


def seed(credentials, line, headers=(), body=b""):
    return bytes([credentials]) + line.encode() + b"\0" + "\n".join(headers).encode() + b"\0" + body


HOST = "Host: fuzzreg.azurecr.io"
VAULT = "Host: fuzzkv.vault.azure.net"
SEEDS = {
    "base": seed(2, "GET /v2/", [HOST]),
    "base-anonymous": seed(0, "GET /v2/", [HOST]),
    "catalog": seed(2, "GET /v2/_catalog?n=1", [HOST]),
    "tags": seed(2, "GET /v2/fuzzreg/app/tags/list?n=10&last=a"),
    "manifest": seed(2, "GET /v2/app/manifests/v1", [HOST, "Accept: " + MANIFEST]),
    "manifest-head": seed(2, "HEAD /v2/app/manifests/" + digest(manifest()), [HOST]),
    "blob-range": seed(2, "GET /v2/app/blobs/" + digest(LAYER), [HOST, "Range: bytes=2-5"]),
    "blob-anonymous": seed(0, "GET /v2/app/blobs/" + digest(LAYER), [HOST]),
    "monolithic-upload": seed(2, "POST /v2/app/blobs/uploads/?digest=" + digest(b"new layer"),
                              [HOST, "Content-Type: application/octet-stream"], b"new layer"),
    "upload-session": seed(2, "POST /v2/app/blobs/uploads/", [HOST]),
    "mount": seed(2, "POST /v2/app/blobs/uploads/?mount=" + digest(LAYER) + "&from=app", [HOST]),
    "manifest-put": seed(2, "PUT /v2/app/manifests/v2", [HOST, "Content-Type: " + MANIFEST], manifest()),
    "manifest-put-missing-layer": seed(2, "PUT /v2/app/manifests/v3", [HOST, "Content-Type: " + MANIFEST],
                                       manifest(b"absent")),
    "manifest-delete": seed(2, "DELETE /v2/app/manifests/" + digest(manifest()), [HOST]),
    "tag-delete": seed(2, "DELETE /v2/app/manifests/v1", [HOST]),
    "referrers": seed(2, "GET /v2/app/referrers/" + digest(manifest()) + "?artifactType=application/x", [HOST]),
    "token-admin": seed(1, "GET /oauth2/token?service=fuzzreg.azurecr.io&scope=repository:app:pull,push"
                           "&offline_token=true"),
    "token-refresh": seed(3, "GET /oauth2/token?service=fuzzreg.azurecr.io&scope=repository:app:pull"),
    "token-post": seed(0, "POST /oauth2/token", ["Content-Type: application/x-www-form-urlencoded"],
                       b"grant_type=password&service=fuzzreg.azurecr.io&scope=repository%3Aapp%3Apull"
                       b"&username=fuzzreg&password=x"),
    "exchange": seed(0, "POST /oauth2/exchange", ["Content-Type: application/x-www-form-urlencoded"],
                     b"grant_type=access_token&service=fuzzreg.azurecr.io&access_token=abc"),
    "identity": seed(0, "GET /metadata/identity/oauth2/token?api-version=2018-02-01"
                        "&resource=https://management.azure.com/", ["Metadata: true"]),
    "vault-key": seed(5, "GET /keys/fuzzkey?api-version=7.4", [VAULT]),
    "vault-keys-by-path": seed(5, "GET /vaults/fuzzkv/keys?api-version=7.4"),
    "vault-wrap": seed(5, "POST /keys/fuzzkey/wrapkey?api-version=7.4", [VAULT, "Content-Type: application/json"],
                       b'{"alg":"RSA-OAEP-256","value":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}'),
    "vault-create": seed(5, "POST /keys/other/create?api-version=7.4", [VAULT, "Content-Type: application/json"],
                         b'{"kty":"EC","crv":"P-256"}'),
    "vault-unauthenticated": seed(0, "GET /keys?api-version=7.4", [VAULT]),
}

os.makedirs(FOLDER, exist_ok=True)
for name, data in SEEDS.items():
    with open(os.path.join(FOLDER, name), "wb") as file:
        file.write(data)
