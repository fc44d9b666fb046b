#!/usr/bin/env python3
"""An independent attempt to decrypt an acrcmk state home, with Python's `cryptography` and no acrcmk code.

Two modes, both printing one JSON object:

  decrypt_home.py full HOME
      HOME is a whole state home (control/ and registry/). Follows the documented chain: the vault master key
      opens each key version's RSA private key, the private key unwraps each registry's data key (DEK), HKDF
      gives the platform layer and the content-index keys, which open the index rows and the sealed blobs.
      Prints what it opened (repository and tag names, blob plaintexts' SHA-256) and, for tests, the DEKs.

  decrypt_home.py attack DIR [--marker TEXT]
      DIR is any folder (a copy of registry/ alone, say). Collects every byte string in it that could be a key
      (SQLite cell values of key sizes, hex and base64 strings, 32-byte windows of every file at every 16-byte
      offset, DER and PEM private keys) and tries each one against every sealed index row and the first record
      of every sealed blob: as the AES-GCM key itself, and as the HKDF input of a blob layer. Also searches
      every file for the marker in the clear. Prints how many candidates and attempts it made and what opened.

The formats are those docs/architecture.md describes; the point of `attack` is that a copy of registry/ holds
no key, so nothing opens however hard one tries.
"""
import base64
import binascii
import hashlib
import json
import os
import re
import sqlite3
import sys

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

INDEX_TABLES = {
    # table: the columns that locate a row, bound (after the table name) into the sealed value's associated data
    "content_repositories": ["token"],
    "content_tags": ["repository_token", "token"],
    "content_manifests": ["repository_token", "digest_token"],
    "content_blobs": ["digest_token", "object_id"],
}
STREAM_MAGIC = b"ACRCMK\x00S"


def hkdf(key, salt, info):
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


def length_prefixed(data):
    return len(data).to_bytes(4, "big") + data


def as_bytes(value):
    return value.encode() if isinstance(value, str) else bytes(value)


# --- the content index -------------------------------------------------------------------------------------------

def index_rows(database):
    """Every sealed index row: (table, scope, associated-data parts, sealed value, object id or None)."""
    rows = []
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        for table, columns in INDEX_TABLES.items():
            try:
                cursor = connection.execute(f"SELECT scope, {', '.join(columns)}, sealed FROM {table}")
            except sqlite3.Error:
                continue
            for row in cursor:
                scope, located, sealed = row[0], row[1:-1], row[-1]
                parts = [table.encode()] + [as_bytes(value) for value in located]
                object_id = located[-1] if table == "content_blobs" else None
                rows.append((table, scope, parts, bytes(sealed), object_id))
    finally:
        connection.close()
    return rows


def open_index_value(sealing_key, scope, parts, sealed):
    """The plaintext JSON of a sealed index value, or None when it does not authenticate."""
    if len(sealed) < 1 + 12 + 16 or sealed[0] != 1:
        return None
    aad = length_prefixed(b"acrcmk/content/index/v1") + length_prefixed(scope.encode())
    for part in parts:
        aad += length_prefixed(part)
    try:
        padded = AESGCM(sealing_key).decrypt(sealed[1:13], sealed[13:], aad)
    except (InvalidTag, ValueError):
        return None
    return padded[:padded.rstrip(b"\x00").rfind(b"\x80")]


# --- sealed blobs ------------------------------------------------------------------------------------------------

def stream_header(data):
    if not data.startswith(STREAM_MAGIC) or len(data) < 48:
        return None
    layers, chunk = data[9], int.from_bytes(data[10:14], "big")
    salt, context_length = data[14:46], int.from_bytes(data[46:48], "big")
    context = data[48:48 + context_length]
    header = data[:48 + context_length]
    return {"layers": layers, "chunk": chunk, "salt": salt, "context": context, "bytes": header}


def record_parameters(header, index, last):
    flag = b"\x01" if last else b"\x00"
    nonce = index.to_bytes(8, "big") + b"\x00\x00\x00" + flag
    aad = hashlib.sha256(header["bytes"]).digest() + index.to_bytes(8, "big") + flag
    return nonce, aad


def layer_key(layer_secret, header, layer):
    return hkdf(layer_secret, header["salt"], b"acrcmk/sealed-stream/v1/layer" + bytes([layer]) + header["context"])


def open_outer_layer(layer_secret, header, record, last):
    """Opens the outermost layer of a stream's first record with a candidate layer key; None if it fails."""
    nonce, aad = record_parameters(header, 0, last)
    try:
        return AESGCM(layer_key(layer_secret, header, header["layers"] - 1)).decrypt(nonce, record, aad)
    except (InvalidTag, ValueError):
        return None


def open_stream(data, layer_secrets):
    """The whole plaintext of a sealed stream, given every layer's key (platform first)."""
    header = stream_header(data)
    body = data[len(header["bytes"]):]
    record_length = header["chunk"] + 16 * header["layers"]
    plaintext, index, offset = b"", 0, 0
    while True:
        record = body[offset:offset + record_length]
        last = offset + record_length >= len(body)
        nonce, aad = record_parameters(header, index, last)
        for layer in reversed(range(header["layers"])):
            record = AESGCM(layer_key(layer_secrets[layer], header, layer)).decrypt(nonce, record, aad)
        plaintext += record
        if last:
            return plaintext
        offset += record_length
        index += 1


def blob_path(registry_dir, object_id):
    return os.path.join(registry_dir, "blobs", object_id[:2], object_id)


# --- full: the documented chain from the vault master key --------------------------------------------------------

def load_world(database):
    """Keys (each with its versions, oldest first) and registries, from the control plane's tables."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        keys = []
        for key_row, body in connection.execute("SELECT key, body FROM vault_keys ORDER BY rowid"):
            key = json.loads(body)
            key["versions"] = [json.loads(version) for (version,) in connection.execute(
                "SELECT body FROM key_versions WHERE parent = ? ORDER BY rowid", (key_row,))]
            keys.append(key)
        registries = [json.loads(body) for (body,) in connection.execute("SELECT body FROM registries ORDER BY rowid")]
    finally:
        connection.close()
    return {"keys": keys, "registries": registries}


def full(home):
    control, registry = os.path.join(home, "control"), os.path.join(home, "registry")
    vault_key = open(os.path.join(control, "vault.key"), "rb").read()
    platform_key = open(os.path.join(control, "platform.key"), "rb").read()
    world = load_world(os.path.join(control, "state.db"))

    private_keys = {}
    for key in world["keys"]:
        for version in key["versions"]:
            sealed = bytes(version["sealedPrivateKey"])
            if not sealed:
                continue
            kid = f"https://{key['vaultName']}.vault.azure.net/keys/{key['name']}/{version['version']}"
            der = AESGCM(vault_key).decrypt(sealed[:12], sealed[12:], b"acrcmk/vault-key/v2|" + kid.encode())
            private_keys[kid.lower()] = serialization.load_der_private_key(der, password=None)

    rows = index_rows(os.path.join(registry, "content.db"))
    result = {"registries": {}, "deks": {}}
    for registry_record in world["registries"]:
        salt = bytes(registry_record["contentKeySalt"])
        layers = [hkdf(platform_key, salt, b"acrcmk/content/platform")]
        encryption = registry_record.get("encryption")
        if encryption:
            hash_algorithm = hashes.SHA256() if encryption["wrapAlgorithm"] == "RSA-OAEP-256" else hashes.SHA1()
            private_key = private_keys[encryption["versionedKeyIdentifier"].lower()]
            dek = private_key.decrypt(bytes(encryption["wrappedDEK"]), padding.OAEP(
                mgf=padding.MGF1(algorithm=hash_algorithm), algorithm=hash_algorithm, label=None))
            layers.append(dek)
            result["deks"][registry_record["name"]] = dek.hex()
        sealing_key = hkdf(b"".join(layers), salt, b"acrcmk/content/index/seal/v1")
        scope = hashlib.sha256(b"acrcmk/content/scope|" + salt).hexdigest()
        opened = {"repositories": [], "tags": [], "blobSHA256": []}
        for table, row_scope, parts, sealed, object_id in rows:
            if row_scope != scope:
                continue
            value = json.loads(open_index_value(sealing_key, scope, parts, sealed))
            if table == "content_repositories":
                opened["repositories"].append(value["name"])
            elif table == "content_tags":
                opened["tags"].append(value["name"])
            elif table == "content_blobs":
                data = open(blob_path(registry, object_id), "rb").read()
                plaintext = open_stream(data, layers)
                if hashlib.sha256(plaintext).hexdigest() != value["digest"].split(":", 1)[1]:
                    raise SystemExit(f"blob {object_id} opened to the wrong digest")
                opened["blobSHA256"].append(value["digest"])
        result["registries"][registry_record["name"]] = opened
    return result


# --- attack: everything key-shaped in a folder -------------------------------------------------------------------

def files_under(folder):
    for directory, _, names in os.walk(folder):
        for name in sorted(names):
            yield os.path.join(directory, name)


def sqlite_cells(path):
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                yield from row
        connection.close()
    except sqlite3.Error:
        return


def decoded_strings(text):
    """Hex and base64 spellings of key-sized values inside a string."""
    for match in re.findall(r"[0-9a-fA-F]{32,128}", text):
        if len(match) % 2 == 0:
            yield binascii.unhexlify(match)
    for match in re.findall(r"[A-Za-z0-9+/_-]{43,88}={0,2}", text):
        for decode in (base64.b64decode, base64.urlsafe_b64decode):
            try:
                yield decode(match + "=" * (-len(match) % 4))
            except (binascii.Error, ValueError):
                pass


def key_candidates(folder, contents):
    candidates = set()

    def add(value):
        value = as_bytes(value)
        if len(value) in (16, 24, 32):
            candidates.add(value)
        elif len(value) in (48, 64, 96, 128):
            candidates.update(value[offset:offset + 32] for offset in range(0, len(value) - 31, 16))

    for path, data in contents.items():
        for offset in range(0, max(0, len(data) - 31), 16):
            candidates.add(data[offset:offset + 32])
        if path.endswith(".db"):
            for cell in sqlite_cells(path):
                if isinstance(cell, (bytes, str)):
                    add(cell)
                    if isinstance(cell, str):
                        for decoded in decoded_strings(cell):
                            add(decoded)
        for decoded in decoded_strings(data.decode("latin-1")):
            add(decoded)
    return candidates


def private_keys_in(contents):
    found = []
    for data in contents.values():
        for match in re.finditer(rb"-----BEGIN [A-Z ]*PRIVATE KEY-----.+?-----END [A-Z ]*PRIVATE KEY-----", data, re.S):
            try:
                found.append(serialization.load_pem_private_key(match.group(0), password=None))
            except (ValueError, TypeError):
                pass
        for match in re.finditer(rb"\x30\x82..\x02\x01\x00", data, re.S):
            length = int.from_bytes(data[match.start() + 2:match.start() + 4], "big") + 4
            try:
                found.append(serialization.load_der_private_key(data[match.start():match.start() + length], None))
            except (ValueError, TypeError):
                pass
    return found


def attack(folder, marker):
    contents = {path: open(path, "rb").read() for path in files_under(folder)}
    databases = [path for path in contents if path.endswith(".db")]
    rows = [row for path in databases for row in index_rows(path)]
    streams = []
    for data in contents.values():
        header = stream_header(data)
        if header:
            record_length = header["chunk"] + 16 * header["layers"]
            body = data[len(header["bytes"]):]
            streams.append((header, body[:record_length], len(body) <= record_length))
    candidates = key_candidates(folder, contents)
    private_keys = private_keys_in(contents)

    attempts, opened = 0, []
    for candidate in candidates:
        if len(candidate) == 32:
            for table, scope, parts, sealed, _ in rows:
                attempts += 1
                if open_index_value(candidate, scope, parts, sealed) is not None:
                    opened.append({"what": f"index row of {table}", "key": candidate.hex()})
        for header, record, last in streams:
            attempts += 1
            if open_outer_layer(candidate, header, record, last) is not None:
                opened.append({"what": "blob outer layer", "key": candidate.hex()})
    marker_hits = []
    if marker:
        for spelling in {marker.encode(), marker.lower().encode(), marker.encode("utf-16-le")}:
            marker_hits += [os.path.relpath(path, folder) for path, data in contents.items() if spelling in data]
    return {
        "files": len(contents),
        "indexRows": len(rows),
        "sealedStreams": len(streams),
        "candidates": len(candidates),
        "privateKeysFound": len(private_keys),
        "attempts": attempts,
        "opened": opened,
        "markerInTheClear": sorted(set(marker_hits)),
    }


def main(arguments):
    if len(arguments) >= 2 and arguments[0] == "full":
        print(json.dumps(full(arguments[1])))
    elif len(arguments) >= 2 and arguments[0] == "attack":
        marker = arguments[arguments.index("--marker") + 1] if "--marker" in arguments else None
        print(json.dumps(attack(arguments[1], marker)))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
