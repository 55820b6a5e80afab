"""Measures the course kernel through real Jupyter messaging (jupyter_client).

    python kernel-bench.py [--kernel java-course] [--starts 5] [--cells 50]

Cold start: from launching the kernel process to the reply of its first executed cell,
repeated --starts times. Round trip: from sending a trivial cell ("1 + 1") to receiving its
execute_reply, repeated --cells times on one running kernel. Prints medians, min and max.
"""
import argparse
import statistics
import time

from jupyter_client.manager import start_new_kernel, KernelManager


def run_cell(client, code, timeout=60):
    msg_id = client.execute(code)
    while True:
        reply = client.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"cell failed: {reply['content']}")
            return reply


def cold_start(kernel):
    started = time.perf_counter()
    manager = KernelManager(kernel_name=kernel)
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        run_cell(client, "1 + 1")
        return time.perf_counter() - started
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=False)


def round_trips(kernel, cells):
    manager, client = start_new_kernel(kernel_name=kernel)
    try:
        for _ in range(5):
            run_cell(client, "1 + 1")
        times = []
        for _ in range(cells):
            started = time.perf_counter()
            run_cell(client, "1 + 1")
            times.append(time.perf_counter() - started)
        return times
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=False)


def describe(name, seconds, unit=1000, suffix="ms"):
    values = [s * unit for s in seconds]
    print(f"{name}: median {statistics.median(values):.0f} {suffix} "
          f"(min {min(values):.0f}, max {max(values):.0f}, n={len(values)})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernel", default="java-course")
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--cells", type=int, default=50)
    args = parser.parse_args()
    describe("cold start to first executed cell", [cold_start(args.kernel) for _ in range(args.starts)])
    describe("trivial cell round trip", round_trips(args.kernel, args.cells))


if __name__ == "__main__":
    main()
