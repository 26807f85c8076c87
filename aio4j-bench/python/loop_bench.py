"""CPython asyncio / uvloop: the same algorithms as aio4j-bench's LoopBench, in ns per operation.

Usage: python3 loop_bench.py [asyncio|uvloop] [rounds]
Prints one line per case: `<case> <ns_per_op>`, the median of `rounds` measurements.
"""
import asyncio
import statistics
import sys
import time

BATCH = 10_000
ROUNDS = 10_000


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


def main():
    flavour = sys.argv[1] if len(sys.argv) > 1 else "asyncio"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    if flavour == "uvloop":
        import uvloop
        loop = uvloop.new_event_loop()
    else:
        loop = asyncio.new_event_loop()
    try:
        for name, case in (("callSoon", call_soon), ("taskSwitch", task_switch), ("sleepZero", sleep_zero)):
            for _ in range(2):  # warm-up
                case(loop)
            print(name, round(statistics.median(case(loop) for _ in range(rounds)), 1), flush=True)
    finally:
        loop.close()


if __name__ == "__main__":
    main()
