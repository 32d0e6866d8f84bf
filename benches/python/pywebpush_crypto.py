"""pywebpush's per-message crypto, the baseline of `cargo bench --bench push`.

Prints {"encode": per second, "encode_sign": per second} for one core:
WebPusher.encode (aes128gcm: ephemeral P-256 key, ECDH, HKDF, AES-128-GCM)
and the same plus py_vapid's VAPID signature, as pywebpush's webpush() does
for every message.
"""
import base64
import json
import os
import sys
import time

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid
from pywebpush import WebPusher


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def main():
    pem_path, payload = sys.argv[1], sys.argv[2].encode()
    receiver = ec.generate_private_key(ec.SECP256R1())
    public = receiver.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    subscription = {
        "endpoint": "https://push.example.org/x",
        "keys": {"p256dh": b64(public), "auth": b64(os.urandom(16))},
    }
    pusher = WebPusher(subscription)
    vapid = Vapid.from_file(pem_path)
    n = 2000
    started = time.perf_counter()
    for _ in range(n):
        pusher.encode(payload, content_encoding="aes128gcm")
    encode = n / (time.perf_counter() - started)
    started = time.perf_counter()
    for _ in range(n):
        pusher.encode(payload, content_encoding="aes128gcm")
        vapid.sign({"sub": "mailto:admin@ville.example.org", "aud": "https://push.example.org",
                    "exp": int(time.time()) + 43200})
    encode_sign = n / (time.perf_counter() - started)
    print(json.dumps({"encode": encode, "encode_sign": encode_sign}))


main()
