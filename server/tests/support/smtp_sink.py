"""A real SMTP server on loopback for Dayfinder's email tests (aiosmtpd, from PyPI).

Usage: smtp_sink.py FOLDER
Listens on a free port of 127.0.0.1, prints "listening on PORT" once ready, and writes
each message it receives, exactly as received, to FOLDER/NNNN.eml (written to a
temporary name first, then renamed, so a reader never sees half a message). It stops
when its standard input closes, so a test that dies takes it down too.
"""

import os
import socket
import sys
import threading

from aiosmtpd.controller import Controller


class Keep:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            name = os.path.join(self.folder, "%04d.eml" % self.count)
        with open(name + ".part", "wb") as out:
            out.write(envelope.original_content or envelope.content)
        os.rename(name + ".part", name)
        return "250 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    port = free_port()
    controller = Controller(Keep(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("listening on %d" % port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
