"""guard's http: adapter against a real OpenAI-compatible server: llama-cpp-python's, on the SmolLM2 GGUF.

The same GGUF through the hf: adapter (transformers dequantises Q4_1 to float32) is the reference.
- Generation (greedy, 16 tokens, ``extra_body={"repeat_penalty": 1.0}``: llama-cpp-python's server
  penalises repeats by default even at temperature 0): the first word of every prompt identical, and every
  token the server generates is, under the hf: model reading the same text, that model's top choice or within
  NEAR_TIE_NATS of it. llama.cpp multiplies Q4_1 weights by 8-bit-quantised activations, transformers by
  float32 ones, so a near-tie between two tokens can go the other way, and after it the texts part (e.g.
  " Paris.\n\nThe United..." against " Paris.\n\nThe answer..."). How many of the 6 come out identical depends
  on the build's SIMD path: 4 with -march=native on one machine, 3 with AVX2 on another; the largest gap
  measured was 0.55 nats (AVX2 build, 2026-12-02), every other token 0.
- Loglikelihood: llama-cpp-python 0.3.x answers ``echo`` + ``logprobs`` with each prompt token's
  log-probability under the distribution *after* that token, not before it (abetlen/llama-cpp-python#1983,
  open), so its scores are not comparable to any other backend's. The test pins that: each single-token
  continuation's score equals the hf: log-probability of that token following itself (within 0.5 nats;
  measured at most 0.28), and is far from the true one. llama.cpp's own C++ llama-server returns no
  prompt logprobs at all (ggml-org/llama.cpp#27174). Use vLLM for loglikelihood over http:.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import llama_cpp.server  # noqa: F401  `make test` installs it (Makefile: TEST_STAMP): missing fails, never skips
import pytest

from guard.models import GenerationConfig, load_model
from tests.helpers.smollm2 import gguf_path

pytestmark = pytest.mark.slow

PROMPTS = [
    "The capital of France is",
    "Once upon a time, there was a",
    "def add(a, b):\n    return",
    "The three primary colors are",
    "Water boils at a temperature of",
    "My favourite programming language is",
]
GREEDY = GenerationConfig(max_new_tokens=16)
NEAR_TIE_NATS = 1.5  # measured at most 0.55; a wrong weight, tokenizer or template puts tokens many nats below
TOKENS = [("The capital of France is", " Paris"), ("Once upon a time, there was a", " little"),
          ("The three primary colors are", " red")]


@pytest.fixture(scope="module")
def llama_server():
    """``python -m llama_cpp.server`` on 127.0.0.1, serving the GGUF as model ``smollm2``. One thread:
    ggml's workers spin on a barrier, and on a busy 2-core machine 2 threads made 16 tokens take 36 s, not 0.6 s.
    A small context bounds the one request guard sends with max_tokens=0 (llama.cpp: "until the context is full")."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf_path()), "--model_alias", "smollm2",
               "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "128", "--n_threads", "1",
               "--n_threads_batch", "1", "--verbose", "False"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(url + "/models", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"llama_cpp.server did not start: {(proc.communicate()[1] or '')[-2000:]}")
            time.sleep(0.2)
        yield url
        if proc.poll() is not None:  # the tests then fail with "cannot reach"; this says why (e.g. -4, -11)
            pytest.fail(f"llama_cpp.server died with exit code {proc.returncode}: "
                        f"{(proc.communicate()[1] or '')[-2000:]}")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_greedy_generation_matches_the_hf_adapter(llama_server, smol):
    with load_model(f"http:{llama_server}#smollm2", extra_body='{"repeat_penalty": 1.0}', concurrency=2) as model:
        served = model.generate(PROMPTS, GREEDY)
    local = smol.generate(PROMPTS, GREEDY)
    print("identical generations:", sum(a == b for a, b in zip(served, local)), "of", len(served))
    assert [text.split()[:1] for text in served] == [text.split()[:1] for text in local]  # the first word always
    gaps = [max(_argmax_gaps(smol, prompt, text)) for prompt, text in zip(PROMPTS, served)]
    print("largest gap per prompt (nats):", [round(gap, 3) for gap in gaps])
    assert max(gaps) < NEAR_TIE_NATS, list(zip(served, local, gaps))


def _argmax_gaps(smol, prompt: str, continuation: str) -> list[float]:
    """For each token of ``continuation`` (as the hf tokenizer splits prompt + continuation): how far, in nats, its
    log-probability under the hf model lies below that model's top choice at the same place (0 = the argmax)."""
    import torch

    ids = smol.tokenizer(prompt + continuation, return_tensors="pt").input_ids
    start = len(smol.tokenizer(prompt).input_ids)
    with torch.no_grad():
        logprobs = smol.model(ids).logits.log_softmax(-1)[0]
    return [float(logprobs[i - 1].max() - logprobs[i - 1, ids[0, i]]) for i in range(start, ids.shape[1])]


def test_loglikelihood_shows_llama_cpp_python_off_by_one(llama_server, smol):
    # echo_max_tokens=1: llama.cpp reads max_tokens=0 as "until the context is full" (and answered HTTP 500
    # when a greedy loop reached the end of this 128-token context)
    with load_model(f"http:{llama_server}#smollm2", echo_max_tokens=1, concurrency=2) as model:
        served = model.loglikelihood(TOKENS)
    true = smol.loglikelihood(TOKENS)
    after_itself = smol.loglikelihood([(context + token, token) for context, token in TOKENS])
    print("served", served, "true", true, "after itself", after_itself)
    assert served == pytest.approx(after_itself, abs=0.5)
    assert all(abs(s - t) > 2.0 for s, t in zip(served, true)), (served, true)
