#!/usr/bin/env python3
"""The Azure SDK for Python (azure-keyvault-keys, azure-identity) against `acrcmk serve --tls-self-signed`.

Usage: keyvault_sdk_check.py PORT VAULT CA_FILE SCENARIO [CLIENT_ID]

Tokens come from the server's identity endpoint through azure-identity's ManagedIdentityCredential, pointed at it
with AZURE_POD_IDENTITY_AUTHORITY_HOST (the IMDS shape): without CLIENT_ID it signs in as the home's operator, with
one as that managed identity. The vault is addressed as https://VAULT.vault.azure.net:PORT; this process resolves
*.vault.azure.net to 127.0.0.1 itself, as a line in /etc/hosts would, and the SDK's challenge-resource check is
turned off because the port is not 443. Prints one JSON object with what happened; the Swift test asserts on it.
"""
import base64
import json
import os
import socket
import sys

PORT, VAULT, CA_FILE, SCENARIO = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
CLIENT_ID = sys.argv[5] if len(sys.argv) > 5 else None

_resolve = socket.getaddrinfo


def _loopback_for_vaults(host, *args, **kwargs):
    if isinstance(host, str) and host.lower().endswith(".vault.azure.net"):
        host = "127.0.0.1"
    return _resolve(host, *args, **kwargs)


socket.getaddrinfo = _loopback_for_vaults
os.environ["AZURE_POD_IDENTITY_AUTHORITY_HOST"] = f"https://127.0.0.1:{PORT}"
os.environ["REQUESTS_CA_BUNDLE"] = CA_FILE
os.environ["SSL_CERT_FILE"] = CA_FILE

import requests  # noqa: E402
from azure.core.exceptions import HttpResponseError, ResourceNotFoundError  # noqa: E402
from azure.identity import ManagedIdentityCredential  # noqa: E402
from azure.keyvault.keys import (  # noqa: E402
    JsonWebKey, KeyClient, KeyRotationLifetimeAction, KeyRotationPolicy, KeyRotationPolicyAction)
from azure.keyvault.keys.crypto import CryptographyClient, EncryptionAlgorithm, KeyWrapAlgorithm  # noqa: E402
from cryptography.hazmat.primitives import hashes  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import padding, rsa  # noqa: E402

VAULT_URL = f"https://{VAULT}.vault.azure.net:{PORT}"
credential = ManagedIdentityCredential(client_id=CLIENT_ID) if CLIENT_ID else ManagedIdentityCredential()
client = KeyClient(VAULT_URL, credential, verify_challenge_resource=False)
result = {}


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def failure(error):
    """Status, code and inner code of a Key Vault error as the SDK parsed it."""
    inner = None
    if error.error is not None and error.error.innererror:
        inner = error.error.innererror.get("code")
    return {"status": error.status_code, "code": error.error.code if error.error else None, "inner": inner,
            "message": error.error.message if error.error else str(error)}


def expect_failure(call):
    try:
        call()
    except HttpResponseError as error:
        return failure(error)
    return {"status": 200}


def rest(method, path, body=None):
    """A raw REST call with the credential's token, as the SDK's pipeline would make it."""
    token = credential.get_token("https://vault.azure.net/.default").token
    response = requests.request(method, f"{VAULT_URL}{path}?api-version=2025-07-01", json=body,
                                headers={"Authorization": f"Bearer {token}"}, timeout=30)
    return response.status_code, response.json() if response.content else None


def public_key(jwk):
    numbers = rsa.RSAPublicNumbers(int.from_bytes(jwk.e, "big"), int.from_bytes(jwk.n, "big"))
    return numbers.public_key()


OAEP_SHA256 = padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
OAEP_SHA1 = padding.OAEP(mgf=padding.MGF1(hashes.SHA1()), algorithm=hashes.SHA1(), label=None)

if SCENARIO == "operator":
    # The challenge, as Key Vault sends it.
    bare = requests.get(f"{VAULT_URL}/keys?api-version=2025-07-01", timeout=30)
    result["challenge"] = {"status": bare.status_code, "header": bare.headers.get("WWW-Authenticate"),
                           "code": bare.json()["error"]["code"]}
    key = client.create_rsa_key("sdk-key", size=3072, tags={"purpose": "dek"})
    result["created"] = {"id": key.id, "kty": str(key.key_type.value), "ops": key.key_operations,
                         "size": public_key(key.key).key_size, "tags": key.properties.tags,
                         "private": [m for m in ("d", "p", "q", "dp", "dq", "qi") if getattr(key.key, m, None)]}
    fetched = client.get_key("sdk-key")
    result["fetched_same_n"] = fetched.key.n == key.key.n
    dek = os.urandom(32)
    crypto = client.get_cryptography_client("sdk-key", key_version=key.properties.version)
    # The SDK wraps locally with the public JWK it fetched; the vault unwraps.
    local = crypto.wrap_key(KeyWrapAlgorithm.rsa_oaep_256, dek)
    result["sdk_wrap_vault_unwrap"] = crypto.unwrap_key(KeyWrapAlgorithm.rsa_oaep_256, local.encrypted_key).key == dek
    # The vault wraps (wrapKey over REST); the SDK's unwrap asks the vault; the CLI decrypts it too (Swift side).
    status, wrapped = rest("POST", f"/keys/sdk-key/{key.properties.version}/wrapkey",
                           {"alg": "RSA-OAEP-256", "value": b64url(dek)})
    result["vault_wrap"] = {"status": status, "kid": wrapped.get("kid")}
    wrapped_bytes = unb64url(wrapped["value"])
    result["vault_wrap_sdk_unwrap"] = crypto.unwrap_key(KeyWrapAlgorithm.rsa_oaep_256, wrapped_bytes).key == dek
    result["wrapped"] = base64.b64encode(wrapped_bytes).decode()
    result["dek"] = base64.b64encode(dek).decode()
    # OpenSSL (through `cryptography`) wraps with the public JWK: RSA-OAEP and RSA-OAEP-256.
    openssl_sha1 = public_key(key.key).encrypt(dek, OAEP_SHA1)
    openssl_sha256 = public_key(key.key).encrypt(dek, OAEP_SHA256)
    result["openssl_wrap_vault_unwrap"] = [
        crypto.unwrap_key(KeyWrapAlgorithm.rsa_oaep, openssl_sha1).key == dek,
        crypto.unwrap_key(KeyWrapAlgorithm.rsa_oaep_256, openssl_sha256).key == dek,
    ]
    # encrypt/decrypt with RSA1_5 over REST both ways.
    status, encrypted = rest("POST", f"/keys/sdk-key/{key.properties.version}/encrypt",
                             {"alg": "RSA1_5", "value": b64url(b"hello vault")})
    result["rsa15_roundtrip"] = crypto.decrypt(EncryptionAlgorithm.rsa1_5, unb64url(encrypted["value"])).plaintext \
        == b"hello vault"
    # Import a key made here; the vault decrypts what its public half encrypted.
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    numbers = private.private_numbers()

    def member(value):
        return value.to_bytes((value.bit_length() + 7) // 8, "big")

    jwk = JsonWebKey(kty="RSA", n=member(numbers.public_numbers.n), e=member(numbers.public_numbers.e),
                     d=member(numbers.d), p=member(numbers.p), q=member(numbers.q), dp=member(numbers.dmp1),
                     dq=member(numbers.dmq1), qi=member(numbers.iqmp), key_ops=["wrapKey", "unwrapKey"])
    imported = client.import_key("imported-key", jwk)
    result["imported"] = {"same_n": imported.key.n == member(numbers.public_numbers.n),
                          "ops": imported.key_operations, "private_returned": bool(imported.key.d)}
    imported_crypto = client.get_cryptography_client("imported-key")
    result["imported_unwrap"] = imported_crypto.unwrap_key(
        KeyWrapAlgorithm.rsa_oaep_256, private.public_key().encrypt(dek, OAEP_SHA256)).key == dek
    # Versions, rotation, rotation policy, update, list.
    rotated = client.rotate_key("sdk-key")
    result["rotated_new_version"] = rotated.properties.version != key.properties.version
    result["versions"] = len(list(client.list_properties_of_key_versions("sdk-key")))
    policy = client.update_key_rotation_policy(
        "sdk-key", KeyRotationPolicy(), lifetime_actions=[
            KeyRotationLifetimeAction(KeyRotationPolicyAction.rotate, time_after_create="P90D")],
        expires_in="P1Y")
    fetched_policy = client.get_key_rotation_policy("sdk-key")
    result["rotation_policy"] = {"expires_in": fetched_policy.expires_in,
                                 "actions": [(str(a.action.value if hasattr(a.action, "value") else a.action),
                                              a.time_after_create) for a in fetched_policy.lifetime_actions],
                                 "set_expires_in": policy.expires_in}
    updated = client.update_key_properties("sdk-key", tags={"purpose": "rotated"}, key_operations=["wrapKey",
                                                                                                   "unwrapKey"])
    result["updated"] = {"tags": updated.properties.tags, "ops": updated.key_operations}
    result["listed"] = sorted(p.name for p in client.list_properties_of_keys())
    result["missing"] = expect_failure(lambda: client.get_key("no-such-key"))
    result["bad_algorithm"] = rest("POST", f"/keys/sdk-key/{key.properties.version}/wrapkey",
                                   {"alg": "A256KW", "value": b64url(dek)})[0]

elif SCENARIO == "disable-delete-recover":
    key = client.create_rsa_key("lifecycle-key", size=2048)
    crypto = client.get_cryptography_client("lifecycle-key", key_version=key.properties.version)
    dek = os.urandom(32)
    wrapped = public_key(key.key).encrypt(dek, OAEP_SHA256)
    client.update_key_properties("lifecycle-key", enabled=False)
    result["disabled_unwrap"] = expect_failure(lambda: crypto.unwrap_key(KeyWrapAlgorithm.rsa_oaep_256, wrapped))
    client.update_key_properties("lifecycle-key", enabled=True)
    result["enabled_unwrap"] = crypto.unwrap_key(KeyWrapAlgorithm.rsa_oaep_256, wrapped).key == dek
    deleted = client.begin_delete_key("lifecycle-key").result()
    result["deleted"] = {"recovery_id": deleted.recovery_id, "has_dates": bool(deleted.deleted_date and
                                                                                 deleted.scheduled_purge_date)}
    result["deleted_get"] = expect_failure(lambda: client.get_key("lifecycle-key"))
    result["deleted_listed"] = [k.name for k in client.list_deleted_keys()]
    result["deleted_fetched"] = client.get_deleted_key("lifecycle-key").name
    result["name_reuse"] = expect_failure(lambda: client.create_rsa_key("lifecycle-key", size=2048))
    result["purge"] = expect_failure(lambda: client.purge_deleted_key("lifecycle-key"))
    result["deleted_unwrap"] = expect_failure(lambda: crypto.unwrap_key(KeyWrapAlgorithm.rsa_oaep_256, wrapped))
    recovered = client.begin_recover_deleted_key("lifecycle-key").result()
    result["recovered"] = recovered.name
    result["recovered_unwrap"] = crypto.unwrap_key(KeyWrapAlgorithm.rsa_oaep_256, wrapped).key == dek

elif SCENARIO == "identity":
    # A managed identity: what its roles allow, nothing more.
    result["get"] = expect_failure(lambda: client.get_key("servedreg-cmk"))
    result["list"] = expect_failure(lambda: list(client.list_properties_of_keys()))
    status, body = rest("POST", "/keys/servedreg-cmk/wrapkey", {"alg": "RSA-OAEP-256", "value": b64url(b"k" * 32)})
    result["wrap"] = {"status": status, "inner": (body or {}).get("error", {}).get("innererror", {}).get("code")}
    if status == 200:
        crypto = CryptographyClient(body["kid"], credential, verify_challenge_resource=False)
        result["unwrap"] = crypto.unwrap_key(KeyWrapAlgorithm.rsa_oaep_256, unb64url(body["value"])).key == b"k" * 32
    result["create"] = expect_failure(lambda: client.create_rsa_key("identity-key", size=2048))

print(json.dumps(result))
