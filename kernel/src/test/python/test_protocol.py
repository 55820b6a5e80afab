"""Checks the course kernel against the Jupyter messaging protocol (the course's own conformance
checks in kernel_conformance.py, and jupyter_kernel_test's where it is installed),
plus the behaviours a notebook relies on: interrupts, streamed output and images.

Run by `make test` (through KernelProtocolIT) with the project-local JUPYTER_PATH.
"""
import contextlib
import os
import queue
import signal
import subprocess
import sys
import textwrap
import time
import unittest

from jupyter_client import KernelManager

from jupyter_client.session import Session

import kernel_conformance

try:
    import jupyter_kernel_test
except ImportError:  # pip's index lacks it on some mirrors; the course's own checks still run
    jupyter_kernel_test = None


class CourseSamples:
    """The course kernel's name and code samples, for both conformance suites."""

    kernel_name = "java-course"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'
    completion_samples = [{"text": "Integer.parseIn", "matches": {"parseInt("}}]
    complete_code_samples = ["int a = 1;", "System.out.println(1);", "%%time\nint b = 2;"]
    incomplete_code_samples = ["void open() {", "for (int i = 0; i < 3; i++) {"]
    invalid_code_samples = ["int 1x = ;"]
    code_generate_error = 'throw new IllegalStateException("boom");'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB)", "mime": "image/png"},
    ]
    code_display_data = [
        {"code": 'display(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB));', "mime": "image/png"},
    ]
    code_inspect_sample = "Math.max"
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6 * 7"


class CourseKernelProtocolTests(CourseSamples, kernel_conformance.KernelConformance):
    """The conversations every kernel has, and the behaviours a notebook of the course relies on."""

    # A delay every check below is scaled from, and the bound the issue sets for interrupts.
    DELAY = 0.5
    INTERRUPT_BOUND = 2.0
    # How long to wait for each output message of a cell. The base class waits 0.1 s, which a
    # loaded machine can exceed between a cell's reply and its idle status.
    OUTPUT_WAIT = 20 * DELAY

    def run_interrupted(self, code):
        """Starts code, interrupts it after DELAY, and returns (reply, seconds the stop took)."""
        self.flush_channels()
        msg_id = self.kc.execute(code)
        time.sleep(self.DELAY)
        started = time.monotonic()
        self.km.interrupt_kernel()
        while True:
            reply = self.kc.get_shell_msg(timeout=10 * self.INTERRUPT_BOUND)
            if reply["parent_header"].get("msg_id") == msg_id:
                took = time.monotonic() - started
                break
        # Drain the interrupted cell's output, up to its idle status, before the next request.
        while True:
            msg = self.kc.get_iopub_msg(timeout=10 * self.INTERRUPT_BOUND)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"):
                return reply, took

    def assert_interrupt_stops(self, code):
        reply, took = self.run_interrupted(code)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "InterruptedCellException")
        self.assertLessEqual(took, self.INTERRUPT_BOUND, f"stopping took {took:.2f} s")
        self.flush_channels()
        after, _ = self.execute_helper("1 + 1")
        self.assertEqual(after["content"]["status"], "ok", "the next cell must run normally")

    def test_interrupt_stops_a_sleep(self):
        self.assert_interrupt_stops("Thread.sleep(60_000);")

    def test_interrupt_stops_a_blocked_queue(self):
        self.assert_interrupt_stops("new ArrayBlockingQueue<Integer>(1).take();")

    def test_interrupt_stops_a_busy_loop(self):
        self.assert_interrupt_stops("long n = 0; while (true) { n++; }")

    def test_output_of_threads_a_cell_started_streams_in(self):
        self.flush_channels()
        reply, outputs = self.execute_helper(
            'var t = new Thread(() -> System.out.println("from a worker"));\nt.start();\nt.join();')
        self.assertEqual(reply["content"]["status"], "ok")
        text = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
        self.assertIn("from a worker", text)

    def test_compile_error_names_line(self):
        self.flush_channels()
        reply, outputs = self.execute_helper("int ok = 1;\nint bad = nope;")
        self.assertEqual(reply["content"]["status"], "error")
        errors = [m for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(errors[0]["content"]["ename"], "CompilationException")
        self.assertIn("line 2", errors[0]["content"]["evalue"])

    def test_a_message_with_a_wrong_signature_is_dropped_and_the_kernel_goes_on(self):
        self.flush_channels()
        intruder = self.km.client()
        intruder.session = Session(key=b"not the kernel's key")
        intruder.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=False)
        self.execute_helper("1")   # the kernel's streams now go to a cell
        self.flush_channels()
        try:
            intruder.execute("System.out.println(\"must not run\");")
            time.sleep(self.DELAY)
        finally:
            intruder.stop_channels()
        leaked = []
        try:
            while True:
                msg = self.kc.get_iopub_msg(timeout=self.DELAY)
                if msg["msg_type"] == "stream":
                    leaked.append(msg["content"]["text"])
        except queue.Empty:
            pass
        self.assertFalse([t for t in leaked if "rejected" in t], "the kernel's warning must not reach a notebook")
        reply, outputs = self.execute_helper("1 + 1")
        self.assertEqual(reply["content"]["status"], "ok", "the shell channel must survive a rejected message")
        text = "".join(m["content"].get("text", "") for m in outputs if m["msg_type"] == "stream")
        self.assertNotIn("must not run", text)

    def test_history_request_is_answered_before_any_cell(self):
        # JupyterLab asks for history at start; a kernel that does not answer shows as "unknown".
        self.flush_channels()
        msg_id = self.kc.history(hist_access_type="tail", n=10, output=False, raw=True)
        reply = self.reply_to(msg_id, "history_reply")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_silent_sends_no_output_and_keeps_the_count(self):
        self.flush_channels()
        before, _ = self.execute_helper("1")
        reply, outputs = self.execute_helper('System.out.println("hidden"); 6 * 7', silent=True)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(outputs, [], "a silent cell sends nothing on iopub but its status")
        after, _ = self.execute_helper("2")
        self.assertEqual(after["content"]["execution_count"], before["content"]["execution_count"] + 1)

    def test_a_silent_cell_shows_no_display(self):
        self.flush_channels()
        self.execute_helper("1")
        self.flush_channels()
        msg_id = self.kc.execute('display("from a silent cell");', silent=True)
        self.reply_to(msg_id, "execute_reply")
        shown = []
        try:
            while True:
                msg = self.kc.get_iopub_msg(timeout=self.DELAY)
                if msg["msg_type"] in ("display_data", "stream"):
                    shown.append(msg)
        except queue.Empty:
            pass
        self.assertEqual(shown, [])

    def test_system_in_reads_through_an_input_request(self):
        self.flush_channels()
        msg_id = self.kc.execute('var typed = new java.util.Scanner(System.in).nextLine();\ntyped.toUpperCase()',
                                 allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=20 * self.DELAY)
        self.assertEqual(request["msg_type"], "input_request")
        self.kc.input("four workers")
        reply = self.reply_to(msg_id, "execute_reply")
        self.assertEqual(reply["content"]["status"], "ok")
        results = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=self.OUTPUT_WAIT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "execute_result":
                results.append(msg["content"]["data"]["text/plain"])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        self.assertEqual(results, ["FOUR WORKERS"])

    def test_store_history_false_keeps_the_count(self):
        self.flush_channels()
        before, _ = self.execute_helper("1")
        self.execute_helper("3", store_history=False)
        after, _ = self.execute_helper("2")
        self.assertEqual(after["content"]["execution_count"], before["content"]["execution_count"] + 1)

    def test_user_expressions_are_evaluated(self):
        self.flush_channels()
        msg_id = self.kc.execute("int ux = 20;", user_expressions={"twice": "ux * 2", "bad": "nope + 1"})
        reply = self.reply_to(msg_id, "execute_reply")
        exprs = reply["content"]["user_expressions"]
        self.assertEqual(exprs["twice"]["status"], "ok")
        self.assertEqual(exprs["twice"]["data"]["text/plain"], "40")
        self.assertEqual(exprs["bad"]["status"], "error")
        self.assertEqual(exprs["bad"]["ename"], "CompilationException")

    def test_an_error_is_named_by_its_own_class(self):
        self.flush_channels()
        reply, outputs = self.execute_helper('throw new AssertionError("no");')
        self.assertEqual(reply["content"]["ename"], "AssertionError")
        self.assertEqual([m["content"]["ename"] for m in outputs if m["msg_type"] == "error"], ["AssertionError"])

    def test_a_trailing_semicolon_hides_the_value(self):
        self.flush_channels()
        _, outputs = self.execute_helper("6 * 7;")
        self.assertEqual([m for m in outputs if m["msg_type"] == "execute_result"], [])

    def test_a_stack_trace_names_the_cells_line(self):
        self.flush_channels()
        reply, outputs = self.execute_helper('int zero = 0;\nint boom = 1 / zero;')
        traceback = "\n".join(reply["content"]["traceback"])
        self.assertIn("line 2)", traceback)
        self.assertNotIn("$JShell$", traceback)

    def test_json_is_displayed_as_json(self):
        self.flush_channels()
        _, outputs = self.execute_helper('display("{\\"workers\\": 4}", "application/json");')
        data = [m["content"]["data"] for m in outputs if m["msg_type"] == "display_data"]
        self.assertEqual(data[0]["application/json"], {"workers": 4})

    def test_system_exit_ends_the_cell_not_the_kernel(self):
        self.flush_channels()
        reply, _ = self.execute_helper("System.exit(3);")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "SystemExitError")
        after, _ = self.execute_helper("1 + 1")
        self.assertEqual(after["content"]["status"], "ok", "the kernel must still answer")

    def test_200000_printed_lines_all_arrive(self):
        self.flush_channels()
        started = time.monotonic()
        reply, outputs = self.execute_helper(
            'for (int i = 0; i < 200_000; i++) { System.out.println("line " + i); }', timeout=120)
        took = time.monotonic() - started
        lines = self.stream_text(outputs).splitlines()
        print(f"\n200,000 printed lines: {len(lines)} delivered in {len([m for m in outputs if m['msg_type'] == 'stream'])}"
              f" messages, {took:.2f} s")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(len(lines), 200_000)
        self.assertEqual(lines[-1], "line 199999")

    def test_printf_without_a_newline_is_one_message(self):
        self.flush_channels()
        _, outputs = self.execute_helper('System.out.printf("%d workers, %s", 4, "done");')
        self.assertEqual([m["content"]["text"] for m in outputs if m["msg_type"] == "stream"], ["4 workers, done"])

    def test_a_thread_that_prints_after_its_cell_ended_reaches_that_cell(self):
        self.flush_channels()
        msg_id = self.kc.execute(
            'new Thread(() -> { try { Thread.sleep(300); } catch (InterruptedException e) { }\n'
            ' System.out.println("late line"); }).start();')
        deadline = time.monotonic() + 20 * self.DELAY
        text = ""
        while "late line" not in text and time.monotonic() < deadline:
            msg = self.kc.get_iopub_msg(timeout=20 * self.DELAY)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                text += msg["content"]["text"]
        self.assertIn("late line", text)

    def test_display_returns_an_id_that_update_display_replaces(self):
        self.flush_channels()
        _, outputs = self.execute_helper('String shown = display("first");\nupdateDisplay(shown, "second");\nshown')
        shown = [m for m in outputs if m["msg_type"] == "display_data"]
        updated = [m for m in outputs if m["msg_type"] == "update_display_data"]
        display_id = shown[0]["content"]["transient"]["display_id"]
        self.assertEqual(updated[0]["content"]["transient"]["display_id"], display_id)
        self.assertEqual(updated[0]["content"]["data"]["text/plain"], "second")
        result = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertIn(display_id, result[0]["content"]["data"]["text/plain"])

    def test_a_thread_a_cell_creates_is_not_a_daemon(self):
        # As in a plain Java program: the course's lessons on shutdown depend on it.
        self.flush_channels()
        reply, outputs = self.execute_helper("new Thread(() -> {}).isDaemon()")
        self.assertEqual(reply["content"]["status"], "ok")
        results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results, ["false"])

    def test_maven_magic_adds_an_artifact_to_the_class_path(self):
        # commons-lang3 is in the local Maven repository here, so this resolves offline too.
        self.flush_channels()
        reply, outputs = self.execute_helper(
            "%maven org.apache.commons:commons-lang3:3.17.0\n"
            "import org.apache.commons.lang3.StringUtils;\n"
            'StringUtils.reverse("loop")', timeout=180)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"].get("evalue"))
        results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results, ["pool"])
        self.assertIn("commons-lang3-3.17.0.jar", self.stream_text(outputs))

    def test_maven_magic_names_a_coordinate_it_cannot_resolve(self):
        self.flush_channels()
        reply, outputs = self.execute_helper(
            "%maven org.apache.commons:no-such-artifact-for-the-course:1.0\n1 + 1", timeout=180)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "MagicException")
        self.assertIn("org.apache.commons:no-such-artifact-for-the-course:1.0", reply["content"]["evalue"])
        after, _ = self.execute_helper("1 + 1")
        self.assertEqual(after["content"]["status"], "ok")

    def test_kernel_info_says_preview_features_are_enabled(self):
        self.flush_channels()
        msg_id = self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=10)
        self.assertIn("preview features enabled", reply["content"]["banner"])


if jupyter_kernel_test is not None:
    class UpstreamKernelTests(CourseSamples, jupyter_kernel_test.KernelTests):
        """jupyter_kernel_test's own checks, where pip could install it."""

def wait_for_exit(pid, seconds):
    """Whether process pid ends within seconds (a zombie child counts as ended)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return True
        except ChildProcessError:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return True
        time.sleep(0.1)
    return False


class KernelLifecycleTests(unittest.TestCase):
    """The kernel's JVM ends with what started it, and on shutdown and restart whatever a cell left running."""

    # A thread that never ends; a cell's threads are non-daemons by default, as in a plain Java program.
    ENDLESS_THREAD = ("var t = new Thread(() -> { while (true) { try { Thread.sleep(1000); }"
                      " catch (InterruptedException e) { } } });\n")

    @contextlib.contextmanager
    def kernel_running(self, cell):
        """A started kernel that has run cell successfully, shut down (killed if need be) afterwards."""
        km = KernelManager(kernel_name="java-course")
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=60)
            reply = kc.execute_interactive(cell, timeout=30, output_hook=lambda msg: None)
            self.assertEqual(reply["content"]["status"], "ok")
            yield km, kc
        finally:
            kc.stop_channels()
            if km.is_alive():
                km.shutdown_kernel(now=True)
            km.cleanup_resources()

    def test_shutdown_ends_the_jvm_even_with_a_non_daemon_thread_running(self):
        with self.kernel_running(self.ENDLESS_THREAD + "t.setDaemon(false);\nt.start();") as (km, kc):
            kc.shutdown()
            # jupyter_client would kill it after its own wait: the JVM must end before that, by itself.
            self.assertTrue(km.provisioner.process.wait(timeout=10) is not None, "the kernel did not exit")

    def test_restart_ends_the_jvm_even_with_a_cells_thread_running(self):
        with self.kernel_running(self.ENDLESS_THREAD + "t.start();") as (km, kc):
            old = km.provisioner.process
            km.restart_kernel(now=False)
            self.assertTrue(old.wait(timeout=10) is not None, "the old kernel did not exit")
            kc.wait_for_ready(timeout=60)
            after = kc.execute_interactive("1 + 1", timeout=30, output_hook=lambda msg: None)
            self.assertEqual(after["content"]["status"], "ok", "the restarted kernel must answer")

    def test_the_kernel_exits_when_the_process_that_started_it_dies(self):
        launcher = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
            import sys, time
            from jupyter_client import KernelManager
            km = KernelManager(kernel_name="java-course")
            km.start_kernel()
            kc = km.client()
            kc.start_channels()
            kc.wait_for_ready(timeout=60)
            print(km.provisioner.process.pid, flush=True)
            time.sleep(600)
            """)], stdout=subprocess.PIPE, text=True)
        try:
            kernel_pid = int(launcher.stdout.readline())
            time.sleep(1)
            os.kill(launcher.pid, signal.SIGKILL)
            launcher.wait()
            launcher.stdout.close()
            self.assertTrue(wait_for_exit(kernel_pid, 15), "the orphaned kernel kept running")
        finally:
            if launcher.poll() is None:
                launcher.kill()
            try:
                os.kill(kernel_pid, signal.SIGKILL)
            except (ProcessLookupError, UnboundLocalError):
                pass


if __name__ == "__main__":
    unittest.main()
