#!/usr/bin/env python3
"""Writes the seeds of the oci-layout fuzz target: index.json, then NUL, then each blob, NUL-separated.

The target stores each blob under its own sha256 digest, so the documents here name blobs by the digests of the
bytes that follow. Run from the repository root: python3 Fuzz/make-oci-layout-seeds.py
"""
import hashlib
import json
import os

FOLDER = "Fuzz/corpus/oci-layout"
MANIFEST = "application/vnd.oci.image.manifest.v1+json"
INDEX = "application/vnd.oci.image.index.v1+json"
REF_NAME = "org.opencontainers.image.ref.name"


def document(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode()


def descriptor(blob, media_type, **extra):
    return dict(mediaType=media_type, digest="sha256:" + hashlib.sha256(blob).hexdigest(), size=len(blob), **extra)


def image(layer_bytes=b"layer bytes\n"):
    config = document({"architecture": "arm64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": []}})
    manifest = document({"schemaVersion": 2, "mediaType": MANIFEST,
                         "config": descriptor(config, "application/vnd.oci.image.config.v1+json"),
                         "layers": [descriptor(layer_bytes, "application/vnd.oci.image.layer.v1.tar")]})
    return manifest, [manifest, config, layer_bytes]


def index_of(children, tag=None):
    annotations = {"annotations": {REF_NAME: tag}} if tag else {}
    return document({"schemaVersion": 2, "mediaType": INDEX,
                     "manifests": [descriptor(child, media, **annotations) for child, media in children]})


def write(name, index, blobs):
    with open(os.path.join(FOLDER, name), "wb") as seed:
        seed.write(b"\0".join([index] + blobs))


os.makedirs(FOLDER, exist_ok=True)
manifest, blobs = image()
write("one-image", index_of([(manifest, MANIFEST)], tag="v1"), blobs)

nested = index_of([(manifest, MANIFEST)])
write("index-of-index", index_of([(nested, INDEX)], tag="v1"), [nested] + blobs)

deep, deep_blobs = manifest, list(blobs)
for _ in range(9):
    deep = index_of([(deep, MANIFEST if deep is manifest else INDEX)])
    deep_blobs.insert(0, deep)
write("nested-too-deep", index_of([(deep, INDEX)], tag="v1"), deep_blobs)

other, other_blobs = image(b"other layer\n")
write("two-tags", document({"schemaVersion": 2, "manifests": [
    descriptor(manifest, MANIFEST, annotations={REF_NAME: "v1"}),
    descriptor(other, MANIFEST, annotations={REF_NAME: "v2"})]}), blobs + other_blobs)

wrong_size = json.loads(index_of([(manifest, MANIFEST)], tag="v1"))
wrong_size["manifests"][0]["size"] = 3
write("wrong-size", document(wrong_size), blobs)
