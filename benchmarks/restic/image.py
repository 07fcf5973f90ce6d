#!/usr/bin/env python3
"""Seeded disk images for the restic comparison (benchmarks/restic/run.sh).

  image.py make SIZE SEED FILE     a new image of SIZE bytes: about 30% zeros, 20% random
                                   bytes, the rest text and log lines, in 64-KiB runs
  image.py change FILE DAY SEED    rewrites 1% of FILE in scattered 4-KiB writes (new text,
                                   log lines or random bytes), the same ones for the same DAY and SEED

The same arguments always give the same bytes, so both tools back up identical data.
"""
import random
import sys

RUN = 64 << 10
PAGE = 4 << 10
WORDS = ("the of and to in is for on that with by this be are from at as it an or was "
         "disk block volume snapshot chunk store backup restore write read file kernel "
         "page cache inode journal commit sector device mount error warning service "
         "request response latency user session config update install package").split()


def lines(rng, count):
    """A pool of prose lines and log lines to draw text runs from."""
    pool = []
    for i in range(count):
        if i % 2:
            pool.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16))).capitalize() + ".\n")
        else:
            pool.append("2026-%02d-%02dT%02d:%02d:%02d.%03dZ %s [%s] %s: %s id=%d ms=%d\n" % (
                rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59),
                rng.randint(0, 59), rng.randint(0, 999), rng.choice(("INFO", "WARN", "DEBUG", "ERROR")),
                rng.choice(("api", "db", "worker", "cron")), rng.choice(("request done", "cache miss", "retrying", "flushed")),
                rng.choice(WORDS), rng.randint(0, 1 << 20), rng.randint(0, 5000)))
    return [line.encode() for line in pool]


def text(rng, pool, length):
    out = bytearray()
    while len(out) < length:
        out += rng.choice(pool)
    return bytes(out[:length])


def make(size, seed, path):
    rng = random.Random(seed)
    pool = lines(rng, 4000)
    with open(path, "wb") as f:
        written = 0
        while written < size:
            length = min(RUN, size - written)
            kind = rng.random()
            if kind < 0.30:
                f.write(bytes(length))  # written, not a hole: both tools and cp read every byte
            elif kind < 0.50:
                f.write(rng.randbytes(length))
            else:
                f.write(text(rng, pool, length))
            written += length
        f.truncate(size)


def change(path, day, seed):
    rng = random.Random(seed * 1000003 + day)
    pool = lines(rng, 500)
    with open(path, "r+b") as f:
        f.seek(0, 2)
        size = f.tell()
        pages = size // PAGE
        for page in rng.sample(range(pages), max(1, pages // 100)):
            f.seek(page * PAGE)
            f.write(rng.randbytes(PAGE) if rng.random() < 0.2 else text(rng, pool, PAGE))


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "make":
        make(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    elif len(sys.argv) == 5 and sys.argv[1] == "change":
        change(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        sys.exit(__doc__)
