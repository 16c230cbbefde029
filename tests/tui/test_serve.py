"""``bounceback serve``: the app in a browser, on this machine only unless asked."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from tui import cli, serve


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    port, db = free_port(), tmp_path / "bounceback.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", "--port", str(port), "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=dict(os.environ),
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield port, db
    finally:
        process.terminate()
        process.wait(timeout=10)


async def first_screen(port: int) -> str:
    """What one browser tab is sent until the app shows (or 30 s pass)."""
    received = b""
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"http://127.0.0.1:{port}/ws?width=80&height=24") as websocket,
    ):
        deadline = time.monotonic() + 30
        while b"Welcome to bounceback" not in received and time.monotonic() < deadline:
            try:
                message = await websocket.receive(timeout=1)
            except TimeoutError:
                continue
            if message.type == aiohttp.WSMsgType.BINARY:
                received += message.data
            elif message.type != aiohttp.WSMsgType.TEXT:
                break
    return received.decode("utf-8", errors="replace")


async def test_a_browser_tab_gets_the_page_and_then_the_app_on_the_chosen_file(
    server: tuple[int, Path],
) -> None:
    port, db = server
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/") as page:
        assert page.status == 200
        assert "bounceback" in await page.text()
    assert "Welcome to bounceback" in await first_screen(port)  # the app, drawn for the browser
    assert db.exists()  # the session opened the file it was given


def test_without_the_web_extra_serve_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)  # as if not installed
    assert cli.main(["serve", "--db", str(tmp_path / "b.json")]) == 2
    assert "pip install 'bounceback[web]'" in capsys.readouterr().err


def test_serving_beyond_this_machine_warns_who_can_read_the_journal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    served: list[tuple[str, int]] = []

    class Recorder:  # records where it would listen instead of listening there
        def __init__(self, command: str, host: str, port: int, title: str) -> None:
            served.append((host, port))

        def serve(self) -> None:
            pass

    monkeypatch.setattr("textual_serve.server.Server", Recorder)
    assert cli.main(["serve", "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert served == [("0.0.0.0", 8123)]
    assert "Anyone who can reach port 8123" in capsys.readouterr().err
    assert cli.main(["serve"]) == 0
    assert served[-1] == ("127.0.0.1", 8000)  # this machine only, unless asked
    assert "warning" not in capsys.readouterr().err


def test_each_session_runs_this_python_on_the_given_file() -> None:
    command = serve.app_command(Path("/data/my search.json"), None)
    assert command == f"{sys.executable} -m tui --db '/data/my search.json'"
    assert serve.is_loopback("127.0.0.1")
    assert serve.is_loopback("::1")
    assert serve.is_loopback("localhost")
    assert not serve.is_loopback("0.0.0.0")
    assert not serve.is_loopback("example.org")
