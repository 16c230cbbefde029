"""screenshots/browser.png: `bounceback serve --demo` as a browser shows it.

Run by `make screenshots` where Chromium is installed (Debian: `apt-get install
chromium`); skipped, with a line saying so, where it is not. Chromium is driven over its
DevTools protocol, so the picture is taken once the app has drawn its first frame, not
when the page has merely loaded.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots" / "browser.png"
WIDTH, HEIGHT = 1280, 820
# Quiet and offline: no sync, no updates, no first-run pages, nothing but loopback.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--remote-debugging-port=0", f"--window-size={WIDTH},{HEIGHT}",
]  # fmt: skip


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise SystemExit(f"bounceback serve did not listen on port {port}")


class DevTools:
    """Just enough of Chromium's DevTools protocol: send a command, await its answer."""

    def __init__(self, websocket: aiohttp.ClientWebSocketResponse) -> None:
        self.websocket = websocket
        self.ids = itertools.count(1)

    async def call(self, method: str, session: str | None = None, **params: Any) -> Any:
        message_id = next(self.ids)
        message: dict[str, Any] = {"id": message_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        await self.websocket.send_str(json.dumps(message))
        while True:
            answer = json.loads((await self.websocket.receive()).data)
            if answer.get("id") == message_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})


async def take(url: str, devtools_url: str) -> bytes:
    async with aiohttp.ClientSession() as http, http.ws_connect(devtools_url, max_msg_size=0) as ws:
        tools = DevTools(ws)
        target = await tools.call("Target.createTarget", url="about:blank")
        attached = await tools.call(
            "Target.attachToTarget", targetId=target["targetId"], flatten=True
        )
        session = attached["sessionId"]
        # As a tab the user looks at: focused, so the app shows the pane's keys.
        await tools.call("Emulation.setFocusEmulationEnabled", session, enabled=True)
        await tools.call("Page.navigate", session, url=url)
        drawn = "document.body && document.body.classList.contains('-first-byte')"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            result = await tools.call("Runtime.evaluate", session, expression=drawn)
            if result.get("result", {}).get("value"):
                break
            await asyncio.sleep(0.2)
        else:
            raise SystemExit("the app never drew in the browser")
        # A click on the board (an empty part of a column), as a first click: focus.
        for kind in ("mousePressed", "mouseReleased"):
            await tools.call(
                "Input.dispatchMouseEvent", session,
                type=kind, x=880, y=600, button="left", clickCount=1,
            )  # fmt: skip
        await asyncio.sleep(3)  # the first frames settle: the board, then the footer's keys
        shot = await tools.call("Page.captureScreenshot", session, format="png")
        return base64.b64decode(shot["data"])


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("screenshots/browser.png: skipped (no Chromium; apt-get install chromium)")
        return 0
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", "--demo", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="bounceback-chromium-") as profile:
        browser = subprocess.Popen(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            wait_for_port(port)
            assert browser.stderr is not None
            for line in browser.stderr:
                if found := re.search(r"DevTools listening on (ws://\S+)", line):
                    break
            else:
                raise SystemExit("Chromium did not start its DevTools endpoint")
            OUT.write_bytes(asyncio.run(take(f"http://127.0.0.1:{port}/", found.group(1))))
        finally:
            browser.terminate()
            server.terminate()
            browser.wait(timeout=10)
            server.wait(timeout=10)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
