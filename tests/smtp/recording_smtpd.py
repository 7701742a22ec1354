#!/usr/bin/env python3
"""A loopback SMTP server that keeps every message it accepts as an .eml file in a folder.

Used by the tests (each test class starts its own) and by scripts/smtp.sh for local runs.
Needs aiosmtpd (Debian: python3-aiosmtpd). Prints "listening HOST:PORT" once it accepts mail.
"""
import argparse
import os
import signal
import threading
import time
import uuid

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, folder):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        content = getattr(envelope, "original_content", None) or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        name = f"{time.time_ns():020d}-{uuid.uuid4().hex}.eml"
        # Write under a name readers ignore, then rename: a reader never sees half a message.
        partial = os.path.join(self.folder, f".{name}.part")
        with open(partial, "wb") as f:
            f.write(content)
        os.replace(partial, os.path.join(self.folder, name))
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    args = parser.parse_args()

    os.makedirs(args.folder, exist_ok=True)
    controller = Controller(Recorder(args.folder), hostname=args.host, port=args.port)
    controller.start()
    print(f"listening {args.host}:{args.port}", flush=True)

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
