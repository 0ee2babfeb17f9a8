# The Python runtime of an emulated execution environment: imports the handler (INIT), then loops
# on the Lambda Runtime API as AWS's Python runtime interface client does. Standard library only.
import http.client
import importlib
import json
import logging
import os
import re
import sys
import time
import traceback

API = "/2018-06-01/runtime"
HOST, PORT = os.environ["AWS_LAMBDA_RUNTIME_API"].split(":")
JSON_FORMAT = os.environ.get("AWS_LAMBDA_LOG_FORMAT") == "JSON"
current_request_id = ""


class CountingStream:
    """Counts bytes written so each result can tell the emulator how much log output precedes it."""

    def __init__(self, stream):
        self.stream = stream
        self.written = 0

    def write(self, text):
        self.written += len(text.encode("utf-8", "replace"))
        self.stream.write(text)
        self.stream.flush()
        return len(text)

    def flush(self):
        self.stream.flush()

    def __getattr__(self, name):
        return getattr(self.stream, name)


sys.stdout = CountingStream(sys.stdout)
sys.stderr = CountingStream(sys.stderr)
connection = http.client.HTTPConnection(HOST, int(PORT))


def call_api(method, path, body=None, headers=None):
    all_headers = dict(headers or {})
    all_headers["lambdascope-stdout-bytes"] = str(sys.stdout.written)
    all_headers["lambdascope-stderr-bytes"] = str(sys.stderr.written)
    connection.request(method, path, body=body, headers=all_headers)
    response = connection.getresponse()
    return response, response.read()


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = current_request_id
        return True


class TextFormatter(logging.Formatter):
    converter = time.gmtime

    def format(self, record):
        # One logging call stays one CloudWatch event, as on AWS.
        return super().format(record).replace("\n", "\r")


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + "Z",
            "level": record.levelname,
            "message": record.getMessage(),
            "logger": record.name,
            "requestId": current_request_id or None,
        }
        if record.exc_info:
            entry["errorType"] = record.exc_info[0].__name__
            entry["errorMessage"] = str(record.exc_info[1])
            entry["stackTrace"] = traceback.format_tb(record.exc_info[2])
        return json.dumps({k: v for k, v in entry.items() if v is not None})


def setup_logging():
    handler = logging.StreamHandler(sys.stdout)
    if JSON_FORMAT:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(TextFormatter("[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s", "%Y-%m-%dT%H:%M:%S"))
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(logging.INFO)


def error_document(error_type, message, stack):
    return {"errorMessage": message, "errorType": error_type, "requestId": current_request_id, "stackTrace": stack}


def log_unhandled(error_type, message, stack):
    if JSON_FORMAT:
        print(json.dumps({"timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "log_level": "ERROR", "errorMessage": message, "errorType": error_type, "requestId": current_request_id, "stackTrace": stack}))
        return
    lines = [f"[ERROR] {error_type}: {message}" if message else f"[ERROR] {error_type}"]
    if stack:
        lines.append("Traceback (most recent call last):")
        for frame in stack:
            # AWS writes the traceback's leading spaces as no-break spaces (U+00A0).
            lines.extend(re.sub(r"^ +", lambda spaces: "\u00a0" * len(spaces.group(0)), line) for line in frame.rstrip("\n").split("\n"))
    print("\r".join(lines))


def post_error(path, error_type, message, stack):
    body = json.dumps(error_document(error_type, message, stack))
    call_api("POST", path, body, {"Content-Type": "application/json", "Lambda-Runtime-Function-Error-Type": error_type})


class InitError(Exception):
    def __init__(self, error_type, message):
        super().__init__(message)
        self.error_type = error_type


def load_handler():
    module_path, _, function_name = os.environ.get("_HANDLER", "").rpartition(".")
    if not module_path or not function_name:
        raise InitError("Runtime.MalformedHandlerName", f"Bad handler '{os.environ.get('_HANDLER', '')}': not enough values to unpack (expected 2, got 1)")
    sys.path.insert(0, os.environ.get("LAMBDA_TASK_ROOT", os.getcwd()))
    module_name = module_path.replace("/", ".")
    try:
        module = importlib.import_module(module_name)
    except SyntaxError as error:
        raise InitError("Runtime.UserCodeSyntaxError", f"Syntax error in module '{module_name}': {error}")
    except ImportError as error:
        raise InitError("Runtime.ImportModuleError", f"Unable to import module '{module_name}': {error}")
    handler = getattr(module, function_name, None)
    if handler is None:
        raise InitError("Runtime.HandlerNotFound", f"Handler '{function_name}' missing on module '{module_name}'")
    return handler


class Context:
    def __init__(self, headers):
        self.aws_request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        self.invoked_function_arn = headers.get("Lambda-Runtime-Invoked-Function-Arn")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self._deadline_ms = int(headers.get("Lambda-Runtime-Deadline-Ms", "0"))
        client_context = headers.get("Lambda-Runtime-Client-Context")
        self.client_context = json.loads(client_context) if client_context else None
        self.identity = None

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


def main():
    global current_request_id
    setup_logging()
    try:
        handler = load_handler()
    except InitError as error:
        log_unhandled(error.error_type, str(error), [])
        post_error(f"{API}/init/error", error.error_type, str(error), [])
        sys.exit(1)
    except Exception as error:  # the module's own top-level code failed
        stack = traceback.format_tb(error.__traceback__)
        log_unhandled(type(error).__name__, str(error), stack)
        post_error(f"{API}/init/error", type(error).__name__, str(error), stack)
        sys.exit(1)

    while True:
        response, body = call_api("GET", f"{API}/invocation/next")
        headers = response.headers
        current_request_id = headers.get("Lambda-Runtime-Aws-Request-Id", "")
        os.environ["_X_AMZN_TRACE_ID"] = headers.get("Lambda-Runtime-Trace-Id", "")
        try:
            event = json.loads(body) if body else {}
            result = handler(event, Context(headers))
            payload = json.dumps(result)
        except Exception as error:
            stack = traceback.format_tb(error.__traceback__)[1:]
            log_unhandled(type(error).__name__, str(error), stack)
            post_error(f"{API}/invocation/{current_request_id}/error", type(error).__name__, str(error), stack)
            continue
        call_api("POST", f"{API}/invocation/{current_request_id}/response", payload, {"Content-Type": "application/json"})


main()
