#!/usr/bin/env python3
"""The baseline `make bench` compares acrcmk with: the same work done the way a careful script would.

Push: for every blob file of an OCI image layout, derive two per-file AES-256-GCM keys (HKDF-SHA256 from a
platform key and a data key, with a random salt), then read the file in 1 MiB chunks, hash each chunk with
SHA-256 and seal it twice (platform layer, then data-key layer; nonce = record index and last flag, AAD = header
hash, index and flag), write the records to a temporary file, fsync it, check the digest, rename it into place
and fsync the directory.

Pull: read each sealed file back record by record, open both layers, hash, write the plaintext to a temporary
file, fsync it, check digest and size, rename it into place and fsync the directory.

Everything goes through Python's `cryptography` package, which calls OpenSSL, like acrcmk.

Usage:
    bench_baseline.py push LAYOUT_DIR SEALED_DIR
    bench_baseline.py pull SEALED_DIR OUTPUT_DIR
"""

import os
import struct
import sys

try:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF
except ImportError as error:
    sys.exit(f"bench_baseline.py: the Python 'cryptography' package is missing ({error}); "
             "install it with: python3 -m pip install cryptography  (or apt-get install python3-cryptography)")

CHUNK = 1 << 20
TAG = 16
LAYERS = 2
MAGIC = b"BASELINE"
# Fixed demo keys: the baseline measures throughput, not key management.
LAYER_KEYS = (bytes(range(32)), bytes(range(32, 64)))


def sha256(data):
    digest = hashes.Hash(hashes.SHA256())
    digest.update(data)
    return digest.finalize()


def layer_ciphers(salt, context):
    """One AESGCM per layer, keyed per file: HKDF(layer key, salt, info = layer index || context)."""
    ciphers = []
    for index, key in enumerate(LAYER_KEYS):
        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"layer" + bytes([index]) + context)
        ciphers.append(AESGCM(hkdf.derive(key)))
    return ciphers


def record_parameters(header_hash, index, is_last):
    flag = b"\x01" if is_last else b"\x00"
    counter = struct.pack(">Q", index)
    return counter + b"\x00\x00\x00" + flag, header_hash + counter + flag


def durable_rename(temporary, final):
    os.rename(temporary, final)
    directory = os.open(os.path.dirname(final) or ".", os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def seal_file(source, destination, expected_hex):
    salt = os.urandom(32)
    context = expected_hex.encode()
    header = MAGIC + struct.pack(">BI", LAYERS, CHUNK) + salt + struct.pack(">H", len(context)) + context
    header_hash = sha256(header)
    ciphers = layer_ciphers(salt, context)
    digest = hashes.Hash(hashes.SHA256())
    temporary = destination + ".tmp"
    with open(source, "rb") as reader, open(temporary, "wb") as writer:
        writer.write(header)
        index = 0
        chunk = reader.read(CHUNK)
        while True:
            following = reader.read(CHUNK) if len(chunk) == CHUNK else b""
            is_last = not following
            nonce, aad = record_parameters(header_hash, index, is_last)
            digest.update(chunk)
            record = chunk
            for cipher in ciphers:
                record = cipher.encrypt(nonce, record, aad)
            writer.write(record)
            if is_last:
                break
            chunk = following
            index += 1
        writer.flush()
        os.fsync(writer.fileno())
    if digest.finalize().hex() != expected_hex:
        os.unlink(temporary)
        sys.exit(f"bench_baseline.py: {source} does not hash to its name")
    durable_rename(temporary, destination)


def open_file(source, destination, expected_hex, expected_size):
    with open(source, "rb") as reader:
        fixed = reader.read(len(MAGIC) + 5 + 32 + 2)
        if fixed[:len(MAGIC)] != MAGIC:
            sys.exit(f"bench_baseline.py: {source} is not a baseline sealed file")
        layers, chunk_size = struct.unpack(">BI", fixed[len(MAGIC):len(MAGIC) + 5])
        salt = fixed[len(MAGIC) + 5:len(MAGIC) + 37]
        (context_length,) = struct.unpack(">H", fixed[-2:])
        context = reader.read(context_length)
        header_hash = sha256(fixed + context)
        ciphers = layer_ciphers(salt, context)
        record_size = chunk_size + TAG * layers
        digest = hashes.Hash(hashes.SHA256())
        total = 0
        temporary = destination + ".tmp"
        with open(temporary, "wb") as writer:
            index = 0
            record = reader.read(record_size)
            while True:
                following = reader.read(record_size) if len(record) == record_size else b""
                is_last = not following
                nonce, aad = record_parameters(header_hash, index, is_last)
                plaintext = record
                for cipher in reversed(ciphers):
                    plaintext = cipher.decrypt(nonce, plaintext, aad)  # Raises InvalidTag on any tampering.
                digest.update(plaintext)
                writer.write(plaintext)
                total += len(plaintext)
                if is_last:
                    break
                record = following
                index += 1
            writer.flush()
            os.fsync(writer.fileno())
    if digest.finalize().hex() != expected_hex or total != expected_size:
        os.unlink(temporary)
        sys.exit(f"bench_baseline.py: {source} does not open to the expected content")
    durable_rename(temporary, destination)


def main(arguments):
    if len(arguments) != 3 or arguments[0] not in ("push", "pull"):
        sys.exit(__doc__)
    command, source, target = arguments
    os.makedirs(target, exist_ok=True)
    if command == "push":
        blobs = os.path.join(source, "blobs", "sha256")
        for name in sorted(os.listdir(blobs)):
            seal_file(os.path.join(blobs, name), os.path.join(target, name), name)
    else:
        for name in sorted(os.listdir(source)):
            if name.endswith(".tmp"):
                continue
            with open(os.path.join(source, name, ), "rb") as probe:
                probe.seek(0, os.SEEK_END)
                sealed_size = probe.tell()
            header_length = len(MAGIC) + 5 + 32 + 2 + len(name)
            body = sealed_size - header_length
            records = max(1, -(-body // (CHUNK + TAG * LAYERS)))
            open_file(os.path.join(source, name), os.path.join(target, name), name, body - records * TAG * LAYERS)


if __name__ == "__main__":
    main(sys.argv[1:])
