"""The Jupyter messaging protocol's basic conversations, checked against a kernel: the course's own
conformance checks, so the protocol suite runs wherever jupyter_client does.

A test class sets the kernel's name and code samples as class attributes (the same names
jupyter_kernel_test uses, so one set of samples serves both suites) and inherits the checks:

    class MyKernelTests(KernelConformance):
        kernel_name = "java-course"
        language_name = "java"
        code_hello_world = 'System.out.println("hello, world");'

Every message a check receives is validated: a v5 header, the parent it answers, and the content
fields its type must carry.
"""
import unittest
from queue import Empty

from jupyter_client.manager import start_new_kernel

# The content fields each message type must carry (messaging protocol, version 5.3).
REQUIRED_CONTENT = {
    "kernel_info_reply": {"status", "protocol_version", "implementation", "implementation_version",
                          "language_info", "banner"},
    "execute_reply": {"status", "execution_count"},
    "complete_reply": {"status", "matches", "cursor_start", "cursor_end", "metadata"},
    "inspect_reply": {"status", "found", "data", "metadata"},
    "is_complete_reply": {"status"},
    "history_reply": {"status", "history"},
    "stream": {"name", "text"},
    "error": {"ename", "evalue", "traceback"},
    "execute_result": {"execution_count", "data", "metadata"},
    "display_data": {"data", "metadata", "transient"},
    "execute_input": {"code", "execution_count"},
    "status": {"execution_state"},
}
HEADER_FIELDS = {"msg_id", "msg_type", "username", "session", "date", "version"}


class KernelConformance(unittest.TestCase):
    """The checks; subclasses name the kernel and give the code samples."""

    kernel_name = ""
    language_name = ""
    file_extension = ""
    code_hello_world = ""
    code_stderr = ""
    completion_samples = []
    complete_code_samples = []
    incomplete_code_samples = []
    invalid_code_samples = []
    code_generate_error = ""
    code_execute_result = []
    code_display_data = []
    code_inspect_sample = ""
    supported_history_operations = ()
    code_history_pattern = ""
    # Seconds to wait for a reply or for each output message.
    TIMEOUT = 60
    OUTPUT_WAIT = 10

    @classmethod
    def setUpClass(cls):
        if cls is KernelConformance:
            raise unittest.SkipTest("the base class names no kernel")
        cls.km, cls.kc = start_new_kernel(kernel_name=cls.kernel_name, startup_timeout=cls.TIMEOUT)

    @classmethod
    def tearDownClass(cls):
        if cls is KernelConformance:
            return
        cls.kc.stop_channels()
        cls.km.shutdown_kernel()

    # --- helpers -------------------------------------------------------------------------------

    def validate(self, msg, msg_type, parent_id=None):
        """Fails unless msg is a v5 message of msg_type, answering parent_id, with its fields."""
        header = msg["header"]
        missing = HEADER_FIELDS - header.keys()
        self.assertFalse(missing, f"{msg_type}: header lacks {sorted(missing)}")
        self.assertEqual(header["msg_type"], msg_type)
        self.assertTrue(header["version"].startswith("5."), f"protocol version {header['version']}")
        if parent_id is not None:
            self.assertEqual(msg["parent_header"].get("msg_id"), parent_id, f"{msg_type} answers another request")
        missing = REQUIRED_CONTENT.get(msg_type, set()) - msg["content"].keys()
        self.assertFalse(missing, f"{msg_type}: content lacks {sorted(missing)}")

    def flush_channels(self):
        """Drops every message already waiting on the shell and iopub channels."""
        for channel in (self.kc.shell_channel, self.kc.iopub_channel):
            while True:
                try:
                    channel.get_msg(timeout=0.1)
                except Empty:
                    break

    def reply_to(self, msg_id, msg_type, timeout=None):
        """The shell reply to msg_id, validated; replies to other requests are skipped."""
        while True:
            reply = self.kc.get_shell_msg(timeout=timeout or self.TIMEOUT)
            if reply["parent_header"].get("msg_id") == msg_id:
                self.validate(reply, msg_type, msg_id)
                return reply

    def execute_helper(self, code, timeout=None, silent=False, store_history=True, stop_on_error=True,
                       user_expressions=None):
        """Runs code; returns its execute_reply (waited for up to timeout seconds, else TIMEOUT) and
        its output messages up to the idle status."""
        msg_id = self.kc.execute(code=code, silent=silent, store_history=store_history,
                                 stop_on_error=stop_on_error, user_expressions=user_expressions or {})
        reply = self.reply_to(msg_id, "execute_reply", timeout)
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=self.OUTPUT_WAIT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            self.validate(msg, kind, msg_id)
            if kind == "status":
                if msg["content"]["execution_state"] == "idle":
                    return reply, outputs
            elif kind == "execute_input":
                self.assertEqual(msg["content"]["code"], code)
            else:
                outputs.append(msg)

    def stream_text(self, outputs, name="stdout"):
        return "".join(m["content"]["text"] for m in outputs
                       if m["msg_type"] == "stream" and m["content"]["name"] == name)

    # --- the checks ----------------------------------------------------------------------------

    def test_kernel_info(self):
        self.flush_channels()
        msg_id = self.kc.kernel_info()
        reply = self.reply_to(msg_id, "kernel_info_reply")
        info = reply["content"]["language_info"]
        self.assertEqual(info["name"], self.language_name)
        if self.file_extension:
            self.assertEqual(info["file_extension"], self.file_extension)

    def test_execute_stdout(self):
        self.flush_channels()
        reply, outputs = self.execute_helper(self.code_hello_world)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIn("hello, world", self.stream_text(outputs))

    def test_execute_stderr(self):
        self.flush_channels()
        reply, outputs = self.execute_helper(self.code_stderr)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertTrue(self.stream_text(outputs, "stderr"), "a write to stderr arrives as a stderr stream")

    def test_execution_count_counts_stored_cells(self):
        self.flush_channels()
        first, _ = self.execute_helper("1")
        second, _ = self.execute_helper("1")
        self.assertEqual(second["content"]["execution_count"], first["content"]["execution_count"] + 1)

    def test_completion(self):
        for sample in self.completion_samples:
            with self.subTest(code=sample["text"]):
                self.flush_channels()
                msg_id = self.kc.complete(sample["text"])
                reply = self.reply_to(msg_id, "complete_reply")
                self.assertTrue(set(sample["matches"]) <= set(reply["content"]["matches"]),
                                f"{sample['matches']} not in {reply['content']['matches'][:10]}")

    def test_is_complete(self):
        for verdicts, samples in (("complete", self.complete_code_samples),
                                  ("incomplete", self.incomplete_code_samples),
                                  ("invalid", self.invalid_code_samples)):
            for code in samples:
                with self.subTest(code=code):
                    self.flush_channels()
                    msg_id = self.kc.is_complete(code)
                    reply = self.reply_to(msg_id, "is_complete_reply")
                    self.assertEqual(reply["content"]["status"], verdicts)

    def test_error(self):
        self.flush_channels()
        reply, outputs = self.execute_helper(self.code_generate_error)
        self.assertEqual(reply["content"]["status"], "error")
        errors = [m for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1, "one error output")

    def test_execute_result(self):
        for sample in self.code_execute_result:
            with self.subTest(code=sample["code"]):
                self.flush_channels()
                reply, outputs = self.execute_helper(sample["code"])
                self.assertEqual(reply["content"]["status"], "ok")
                results = [m for m in outputs if m["msg_type"] == "execute_result"]
                self.assertEqual(len(results), 1, "one execute_result")
                data = results[0]["content"]["data"]
                if "result" in sample:
                    self.assertEqual(data["text/plain"], sample["result"])
                if "mime" in sample:
                    self.assertIn(sample["mime"], data)

    def test_display_data(self):
        for sample in self.code_display_data:
            with self.subTest(code=sample["code"]):
                self.flush_channels()
                reply, outputs = self.execute_helper(sample["code"])
                self.assertEqual(reply["content"]["status"], "ok")
                shown = [m for m in outputs if m["msg_type"] == "display_data"]
                self.assertEqual(len(shown), 1, "one display_data")
                self.assertIn(sample["mime"], shown[0]["content"]["data"])

    def test_inspect(self):
        if not self.code_inspect_sample:
            self.skipTest("no inspect sample")
        self.flush_channels()
        msg_id = self.kc.inspect(self.code_inspect_sample)
        reply = self.reply_to(msg_id, "inspect_reply")
        self.assertTrue(reply["content"]["found"])
        self.assertTrue(reply["content"]["data"].get("text/plain"), "inspection returns text")

    def test_history(self):
        if not self.supported_history_operations:
            self.skipTest("the kernel keeps no history")
        self.flush_channels()
        self.execute_helper(self.code_history_pattern)
        requests = {
            "tail": dict(n=10),
            "range": dict(session=0, start=1, stop=1000),
            "search": dict(pattern=self.code_history_pattern, n=10),
        }
        for operation in self.supported_history_operations:
            with self.subTest(operation=operation):
                msg_id = self.kc.history(hist_access_type=operation, raw=True, output=False, **requests[operation])
                reply = self.reply_to(msg_id, "history_reply")
                self.assertEqual(reply["content"]["status"], "ok")
                self.assertTrue(reply["content"]["history"], f"{operation}: the cell just run is in the history")
