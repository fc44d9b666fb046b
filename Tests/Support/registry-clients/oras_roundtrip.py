"""Push and pull a file artifact with the Python `oras` package against `acrcmk serve`.

Usage: oras_roundtrip.py HOST REPOSITORY REFRESH_TOKEN FILE OUTDIR push|pull
Prints `ok <detail>` and exits 0, or prints the client's error and exits 1.
"""
import sys

import oras.client

host, repository, token, path, outdir, action = sys.argv[1:7]
client = oras.client.OrasClient(hostname=host, insecure=True)
client.login(username="00000000-0000-0000-0000-000000000000", password=token, hostname=host)
target = f"{host}/{repository}"
try:
    if action == "push":
        response = client.push(target=target, files=[path])
        print("ok", response.status_code)
    else:
        print("ok", client.pull(target=target, outdir=outdir))
except Exception as error:  # The client's own message is what the test asserts on.
    print(f"{type(error).__name__}: {error}", file=sys.stderr)
    sys.exit(1)
