"""Heap per idle task for CPython: python3 idle_heap.py [count] [asyncio|uvloop ...].

The peer of io.aio4j.bench.IdleHeapBench: count tasks, each in asyncio.sleep(3600), on one loop.
Method: gc.collect(), tracemalloc's traced size before; create the tasks and run the loop until all
are parked in their sleep; gc.collect(), traced size after; (after - before) / count. tracemalloc
counts every byte the interpreter allocates for the tasks, their coroutines and frames, the sleep's
future and its timer handle (the analogue of the JVM's used heap after a full GC). The tasks are in
a list during the measurement (8 bytes each, included), then cancelled.
"""
import asyncio
import gc
import sys
import tracemalloc


async def measure(count):
    await asyncio.sleep(0)
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    tasks = [asyncio.create_task(asyncio.sleep(3600)) for _ in range(count)]
    await asyncio.sleep(0)  # every task runs to its sleep
    await asyncio.sleep(0)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return (after - before) / count


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    flavours = sys.argv[2:] or ["asyncio", "uvloop"]
    tracemalloc.start()
    for flavour in flavours:
        if flavour == "uvloop":
            try:
                import uvloop
            except ImportError:
                print("uvloop: not installed (Debian: apt-get install python3-uvloop)")
                continue
            per = uvloop.run(measure(count)) if hasattr(uvloop, "run") else \
                uvloop.new_event_loop().run_until_complete(measure(count))
        else:
            per = asyncio.run(measure(count))
        print(f"{flavour:<16} {per:8.1f} bytes/task ({sys.version.split()[0]}, {count:,} tasks, tracemalloc)")


if __name__ == "__main__":
    main()
