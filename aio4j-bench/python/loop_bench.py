"""CPython asyncio / uvloop: the same algorithms as aio4j-bench's LoopBench, in ns per operation.

Usage: python3 loop_bench.py [asyncio|uvloop] [rounds] [case,case...]
Prints one line per case: `<case> <ns_per_op>`, the median of `rounds` measurements.
       python3 loop_bench.py [asyncio|uvloop] sleepzero-only N
runs N `await asyncio.sleep(0)` and nothing else (for `strace -c`).
"""
import asyncio
import statistics
import sys
import time

BATCH = 10_000
ROUNDS = 10_000
OUTSIDE = 5_000_000


def call_soon(loop):
    left = [BATCH]

    def count():
        left[0] -= 1
        if left[0] == 0:
            loop.stop()

    def schedule():
        for _ in range(BATCH):
            loop.call_soon(count)

    t0 = time.perf_counter_ns()
    loop.call_soon(schedule)
    loop.run_forever()
    return (time.perf_counter_ns() - t0) / BATCH


def one_per_iteration(loop):
    left = [ROUNDS]

    def again():
        left[0] -= 1
        if left[0] == 0:
            loop.stop()
        else:
            loop.call_soon(again)

    t0 = time.perf_counter_ns()
    loop.call_soon(again)
    loop.run_forever()
    return (time.perf_counter_ns() - t0) / ROUNDS


def call_soon_outside(loop):
    left = [OUTSIDE]

    def count():
        left[0] -= 1
        if left[0] == 0:
            loop.stop()

    t0 = time.perf_counter_ns()
    for _ in range(OUTSIDE):
        loop.call_soon(count)
    loop.run_forever()
    return (time.perf_counter_ns() - t0) / OUTSIDE


def task_switch(loop):
    async def main():
        state = {"to_pong": loop.create_future(), "to_ping": loop.create_future()}

        async def pong():
            for _ in range(ROUNDS):
                v = await state["to_pong"]
                state["to_pong"] = loop.create_future()
                reply = state["to_ping"]
                state["to_ping"] = loop.create_future()
                reply.set_result(v)

        p = loop.create_task(pong())
        t0 = time.perf_counter_ns()
        for i in range(ROUNDS):
            reply = state["to_ping"]
            state["to_pong"].set_result(i)
            await reply
        await p
        return (time.perf_counter_ns() - t0) / (2 * ROUNDS)

    return loop.run_until_complete(main())


def sleep_zero(loop):
    async def main():
        t0 = time.perf_counter_ns()
        for _ in range(ROUNDS):
            await asyncio.sleep(0)
        return (time.perf_counter_ns() - t0) / ROUNDS

    return loop.run_until_complete(main())


CASES = (("callSoon", call_soon), ("taskSwitch", task_switch), ("sleepZero", sleep_zero),
         ("oneCallbackPerIteration", one_per_iteration), ("callSoonOutside", call_soon_outside))


def main():
    flavour = sys.argv[1] if len(sys.argv) > 1 else "asyncio"
    if flavour == "uvloop":
        import uvloop
        loop = uvloop.new_event_loop()
    else:
        loop = asyncio.new_event_loop()
    try:
        if len(sys.argv) > 2 and sys.argv[2] == "sleepzero-only":
            n = int(sys.argv[3])

            async def only():
                for _ in range(n):
                    await asyncio.sleep(0)

            loop.run_until_complete(only())
            return
        rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
        wanted = sys.argv[3].split(",") if len(sys.argv) > 3 else [name for name, _ in CASES[:3]]
        for name, case in CASES:
            if name not in wanted:
                continue
            n = min(rounds, 3) if name == "callSoonOutside" else rounds
            for _ in range(1 if name == "callSoonOutside" else 2):  # warm-up
                case(loop)
            print(name, round(statistics.median(case(loop) for _ in range(n)), 1), flush=True)
    finally:
        loop.close()


if __name__ == "__main__":
    main()
