"""Running a test scenario where no packet can leave the machine, whatever the code under
test does: a network namespace with only a loopback interface.

Inside it every IPv4 address is delivered to loopback (`ip route add local 0.0.0.0/0`), so
a test server bound to 0.0.0.0 plays any outside host, the metadata service at
169.254.169.254 included, and records which address each request was sent to: a guard
that fails shows up as a hit, and its request never leaves the namespace. Names resolve
through a small DNS server on 127.0.0.1 (its own /etc/resolv.conf, bind-mounted in a
private mount namespace) whose answers the scenario sets, changing ones included (DNS
rebinding).

`run_isolated(scenario, ...)` (from a test) starts `python -m faults.isolated <scenario>`
under `unshare`; the scenario (a function in faults/scenarios.py) prints a JSON result.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]


def unshare(*namespaces: str) -> list[str]:
    """The `unshare` command for new `namespaces` ("net", "mount"; mounts made private), as
    root or through a user namespace; skips the test (saying why) where none can be made."""
    if shutil.which("unshare") is None or ("net" in namespaces and shutil.which("ip") is None):
        pytest.skip("needs unshare and ip (util-linux, iproute2) to isolate the test")
    command = ["unshare", *(f"--{n}" for n in namespaces), "--propagation", "private"]
    if os.geteuid() != 0:
        command[1:1] = ["--user", "--map-root-user"]
    probe = subprocess.run([*command, "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a {'/'.join(namespaces)} namespace here ({probe.stderr.strip()}); "
                    "these tests need root or unprivileged user namespaces")
    return command


def run_isolated(scenario: str, *args: str, timeout: float = 300) -> dict:
    """The JSON a scenario printed; skips (with the reason) where namespaces cannot be made."""
    command = unshare("net", "mount")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run([*command, sys.executable, "-m", "faults.isolated", scenario, *args],
                          capture_output=True, text=True, timeout=timeout, env=env)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise AssertionError(f"scenario {scenario} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}")
    return json.loads(lines[-1])


# ------------------------------------------------------------ inside the namespace
def _sh(*cmd: str) -> None:
    subprocess.run(cmd, check=True, capture_output=True)


class FakeDNS:
    """A DNS server on 127.0.0.1:53 answering A queries from `answers`: name -> list of
    addresses, the next one for each query (the last one repeats): a list of two plays a
    name that rebinds after its first look-up."""

    def __init__(self, answers: dict[str, list[str]]):
        self.answers = {k.lower().rstrip("."): list(v) for k, v in answers.items()}
        self.asked: list[str] = []
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 53))
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            data, client = self.sock.recvfrom(512)
            name, qtype, end = _question(data)
            self.asked.append(name)
            addresses = self.answers.get(name)
            answer = b""
            count = 0
            if addresses and qtype == 1:
                address = addresses.pop(0) if len(addresses) > 1 else addresses[0]
                answer = b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 0, 4) + socket.inet_aton(address)
                count = 1
            rcode = 0 if addresses else 3  # NXDOMAIN for names it does not know
            header = data[:2] + struct.pack(">HHHHH", 0x8180 | rcode, 1, count, 0, 0)
            self.sock.sendto(header + data[12:end] + answer, client)


def _question(data: bytes) -> tuple[str, int, int]:
    labels, i = [], 12
    while data[i]:
        labels.append(data[i + 1:i + 1 + data[i]].decode())
        i += 1 + data[i]
    qtype = struct.unpack(">H", data[i + 1:i + 3])[0]
    return ".".join(labels).lower(), qtype, i + 5


def boot(answers: dict[str, list[str]]) -> FakeDNS:
    """Loopback up, every IPv4 address local, names from a fake DNS server."""
    _sh("ip", "link", "set", "lo", "up")
    _sh("ip", "route", "add", "local", "0.0.0.0/0", "dev", "lo", "table", "local")
    conf = Path(tempfile.mkdtemp()) / "resolv.conf"
    conf.write_text("nameserver 127.0.0.1\noptions attempts:1 timeout:1\n")
    _sh("mount", "--bind", str(conf), "/etc/resolv.conf")
    hosts = conf.with_name("hosts")
    hosts.write_text("127.0.0.1 localhost\n::1 localhost\n")
    _sh("mount", "--bind", str(hosts), "/etc/hosts")
    return FakeDNS(answers)


def main() -> None:
    from faults import scenarios

    name, *args = sys.argv[1:]
    result = getattr(scenarios, name)(*args)
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()
