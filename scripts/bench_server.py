#!/usr/bin/env python3
"""`make bench`, registry server part: acrcmk serve against the reference registry, measured in the same run.

1. The same client (skopeo) copies the same image (BENCH_SERVER_MIB MiB in BENCH_SERVER_LAYERS random layers,
   default 1024 in 8) to Debian's `docker-registry` (CNCF distribution 2.8, the reference implementation) and to
   `acrcmk serve` (a CMK registry: two encryption layers), then back; throughput of each and the ratio.
2. p50 latency of a manifest HEAD (BENCH_SERVER_HEADS requests over one keep-alive connection) on both.
3. Peak RSS of the acrcmk server (VmHWM) after a BENCH_SERVER_BIG_MIB MiB blob (default 2048) is pushed in
   64 MiB chunks and pulled back through it by a streaming client that keeps nothing on disk.

Usage: bench_server.py <acrcmk-binary> <work-dir>
"""
import base64
import hashlib
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time

ACRCMK, WORK = sys.argv[1], sys.argv[2]
MIB = 1 << 20
TOTAL_MIB = int(os.environ.get("BENCH_SERVER_MIB", "1024"))
LAYERS = int(os.environ.get("BENCH_SERVER_LAYERS", "8"))
HEADS = int(os.environ.get("BENCH_SERVER_HEADS", "200"))
BIG_MIB = int(os.environ.get("BENCH_SERVER_BIG_MIB", "2048"))
REGISTRY = "benchreg"
NULL_USER = "00000000-0000-0000-0000-000000000000"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*args, env=None, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, env=env, **kw)


def write_layout(path):
    """An OCI layout of LAYERS random uncompressed layers; skopeo copies layers as they are."""
    blobs = os.path.join(path, "blobs", "sha256")
    os.makedirs(blobs)
    layers = []
    per_layer = TOTAL_MIB * MIB // LAYERS
    for _ in range(LAYERS):
        digest = hashlib.sha256()
        tmp = os.path.join(blobs, "tmp")
        with open(tmp, "wb") as f:
            left = per_layer
            while left:
                chunk = os.urandom(min(left, 8 * MIB))
                digest.update(chunk)
                f.write(chunk)
                left -= len(chunk)
        os.rename(tmp, os.path.join(blobs, digest.hexdigest()))
        layers.append({"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": "sha256:" + digest.hexdigest(),
                       "size": per_layer})

    def put(doc):
        data = json.dumps(doc, separators=(",", ":")).encode()
        h = hashlib.sha256(data).hexdigest()
        with open(os.path.join(blobs, h), "wb") as f:
            f.write(data)
        return "sha256:" + h, len(data)

    config_digest, config_size = put({"architecture": "amd64", "os": "linux",
                                      "rootfs": {"type": "layers", "diff_ids": [l["digest"] for l in layers]}})
    manifest_digest, manifest_size = put({
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest,
                   "size": config_size},
        "layers": layers})
    with open(os.path.join(path, "oci-layout"), "w") as f:
        json.dump({"imageLayoutVersion": "1.0.0"}, f)
    with open(os.path.join(path, "index.json"), "w") as f:
        json.dump({"schemaVersion": 2, "manifests": [{
            "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifest_digest,
            "size": manifest_size, "annotations": {"org.opencontainers.image.ref.name": "v1"}}]}, f)


def wait_listening(port, proc, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"bench: server exited early ({proc.returncode})")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("bench: server did not start")


def bearer(port, scope, token):
    basic = base64.b64encode(f"{NULL_USER}:{token}".encode()).decode()
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", f"/oauth2/token?service={REGISTRY}.azurecr.io&scope={scope}",
                 headers={"Authorization": "Basic " + basic})
    body = json.loads(conn.getresponse().read())
    conn.close()
    return {"Authorization": "Bearer " + body["access_token"]}


def head_p50(port, path, headers):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    times = []
    for _ in range(HEADS):
        started = time.perf_counter()
        conn.request("HEAD", path, headers=headers)
        response = conn.getresponse()
        response.read()
        assert response.status == 200, response.status
        times.append(time.perf_counter() - started)
    conn.close()
    return statistics.median(times) * 1000


def copy_seconds(args):
    started = time.perf_counter()
    run("skopeo", "copy", "--quiet", *args)
    return time.perf_counter() - started


def big_blob_roundtrip(port, token):
    """Pushes BIG_MIB MiB in 64 MiB chunks and pulls it back, hashing on the fly; nothing kept client-side."""
    name = f"{REGISTRY}/big/blob"
    headers = bearer(port, f"repository:{name}:pull,push", token)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    conn.request("POST", f"/v2/{name}/blobs/uploads/", headers=headers)
    response = conn.getresponse()
    response.read()
    location = response.getheader("Location")
    sent = hashlib.sha256()
    seed = os.urandom(MIB)
    offset = 0
    chunk_size = 64 * MIB
    total = BIG_MIB * MIB
    while offset < total:
        size = min(chunk_size, total - offset)
        conn.putrequest("PATCH", location)
        for key, value in headers.items():
            conn.putheader(key, value)
        conn.putheader("Content-Range", f"{offset}-{offset + size - 1}")
        conn.putheader("Content-Length", str(size))
        conn.putheader("Content-Type", "application/octet-stream")
        conn.endheaders()
        for i in range(size // MIB):
            piece = hashlib.sha256(seed + (offset + i * MIB).to_bytes(8, "big")).digest() * (MIB // 32)
            sent.update(piece)
            conn.send(piece)
        response = conn.getresponse()
        response.read()
        assert response.status == 202, response.status
        location = response.getheader("Location")
        offset += size
    digest = "sha256:" + sent.hexdigest()
    conn.request("PUT", f"{location}?digest={digest}", headers=headers)
    response = conn.getresponse()
    response.read()
    assert response.status == 201, (response.status, response.getheaders())
    conn.request("GET", f"/v2/{name}/blobs/{digest}", headers=headers)
    response = conn.getresponse()
    received = hashlib.sha256()
    while True:
        piece = response.read(4 * MIB)
        if not piece:
            break
        received.update(piece)
    assert "sha256:" + received.hexdigest() == digest, "pulled bytes differ"
    conn.close()


def vm_hwm_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main():
    for tool in ("skopeo", "docker-registry"):
        if shutil.which(tool) is None:
            raise SystemExit(f"bench: {tool} is missing (apt-get install {tool})")
    layout = os.path.join(WORK, "server-image")
    write_layout(layout)
    env = dict(os.environ, ACRCMK_HOME=os.path.join(WORK, "server-home"), NO_COLOR="1")
    run(ACRCMK, "setup", "--registry", REGISTRY, env=env)
    token = run(ACRCMK, "az", "acr", "login", "-n", REGISTRY, "--expose-token", "--query", "accessToken", "-o", "tsv",
                env=env).stdout.strip()

    acr_port, ref_port = free_port(), free_port()
    acr = subprocess.Popen([ACRCMK, "serve", "--port", str(acr_port)], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    config = os.path.join(WORK, "registry.yml")
    with open(config, "w") as f:
        f.write(f"version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: {WORK}/reference\n"
                f"http:\n  addr: 127.0.0.1:{ref_port}\n")
    ref = subprocess.Popen(["docker-registry", "serve", config], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_listening(acr_port, acr)
        wait_listening(ref_port, ref)
        creds = f"{NULL_USER}:{token}"
        rows = []
        for label, port, push_auth, pull_auth in (
                ("reference (docker-registry)", ref_port, [], []),
                ("acrcmk serve (CMK)", acr_port, ["--dest-creds", creds], ["--src-creds", creds])):
            prefix = f"127.0.0.1:{port}/{REGISTRY}/bench/app" if port == acr_port else f"127.0.0.1:{port}/bench/app"
            push = copy_seconds(["--dest-tls-verify=false", *push_auth, f"oci:{layout}:v1", f"docker://{prefix}:v1"])
            back = os.path.join(WORK, f"back-{port}")
            pull = copy_seconds(["--src-tls-verify=false", *pull_auth, f"docker://{prefix}:v1", f"oci:{back}:v1"])
            shutil.rmtree(back)
            path = f"/v2/{prefix.split('/', 1)[1]}/manifests/v1"
            headers = {"Accept": "application/vnd.oci.image.manifest.v1+json"}
            if port == acr_port:
                headers.update(bearer(port, f"repository:{REGISTRY}/bench/app:pull", token))
            rows.append((label, TOTAL_MIB / push, TOTAL_MIB / pull, head_p50(port, path, headers)))
        print(f"\nRegistry server: skopeo copies a {TOTAL_MIB} MiB image ({LAYERS} layers) to each registry and back")
        print(f"{'server':<28} {'push MiB/s':>11} {'pull MiB/s':>11} {'HEAD p50 ms':>12}")
        for label, push, pull, head in rows:
            print(f"{label:<28} {push:>11.1f} {pull:>11.1f} {head:>12.2f}")
        ref_row, acr_row = rows
        print(f"ratio acrcmk/reference: push {acr_row[1] / ref_row[1]:.2f}, pull {acr_row[2] / ref_row[2]:.2f}"
              f" (goal: at least 1.0)")
        print(f"acrcmk serve peak RSS after the image copies (skopeo sends layers in parallel): "
              f"{vm_hwm_kib(acr.pid) / 1024:.1f} MiB")
    finally:
        for proc in (acr, ref):
            proc.terminate()
            proc.wait()
    shutil.rmtree(os.path.join(WORK, "reference"), ignore_errors=True)
    shutil.rmtree(layout)
    # A fresh server, so that its peak RSS is this transfer's alone.
    acr = subprocess.Popen([ACRCMK, "serve", "--port", str(acr_port)], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    try:
        wait_listening(acr_port, acr)
        started = time.perf_counter()
        big_blob_roundtrip(acr_port, token)
        print(f"{BIG_MIB} MiB blob pushed (64 MiB chunks) and pulled through acrcmk serve in "
              f"{time.perf_counter() - started:.1f} s; server peak RSS {vm_hwm_kib(acr.pid) / 1024:.1f} MiB "
              f"(goal: at most 64)")
    finally:
        acr.terminate()
        acr.wait()


main()
