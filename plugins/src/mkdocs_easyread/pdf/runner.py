"""Worker processes that render PDFs while MkDocs writes the HTML pages.

The pool is started from a background thread: starting worker processes (and
importing WeasyPrint in them) takes about a second, which the main thread spends
templating pages instead of waiting. A worker that dies (a crash in a library,
no memory left) breaks the pool and every PDF in it; each of those is then
rendered again in a process of its own, so that only the PDF that killed its
worker fails.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from . import jobs as job_module
from .jobs import WORKER_MODULE, PoolJob, Rendered, RenderError, RenderJob

WORKER_DIED = "the process rendering it stopped (out of memory, or a crash inside WeasyPrint)"


def start_pool(workers: int) -> Executor:
    """Processes forked from a server that has WeasyPrint loaded already, where the platform allows."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([WORKER_MODULE])
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def worker_count(concurrency: int, jobs: int) -> int:
    wanted = concurrency if concurrency > 0 else (os.cpu_count() or 1)
    return max(1, min(wanted, jobs))


class Runner:
    """Renders jobs in the background; results are looked up by key, without waiting or with."""

    def __init__(self, jobs: list[RenderJob | PoolJob], concurrency: int) -> None:
        self.jobs = jobs
        self._by_key = {job.key: job for job in jobs}
        self._added: list[RenderJob | PoolJob] = []  # given to add() before the pool was up
        self._lock = threading.Lock()
        self._started = False
        self.workers = worker_count(concurrency, len(jobs))
        self._futures: dict[str, Future] = {}
        self._submitted = threading.Event()
        self._pool: Executor | None = None
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._submit, name="easyread-pdf", daemon=True)
        self._thread.start()

    def _submit(self) -> None:
        try:
            self._pool = start_pool(self.workers)
            self._submit_all(self.jobs)
            with self._lock:
                self._submit_all(self._added)
                self._started = True
        except BaseException as error:  # noqa: BLE001 - reported for each job in result()
            self._failure = error
        finally:
            self._submitted.set()

    def _submit_all(self, jobs: list[RenderJob | PoolJob]) -> None:
        render = job_module.run  # looked up now, so that tests can replace it
        for job in sorted(jobs, key=lambda job: -len(job.html)):  # longest first: shortest overall wait
            self._futures[job.key] = self._pool.submit(render, job)

    def add(self, jobs: list[RenderJob | PoolJob]) -> None:
        """More jobs for the same workers (Braille-ready files), without waiting for the pool to start."""
        with self._lock:
            self._by_key.update((job.key, job) for job in jobs)
            if self._started:
                self._submit_all(jobs)
            else:
                self._added.extend(jobs)

    def done(self, key: str) -> Rendered | BaseException | None:
        """The outcome if it is known now, else None."""
        if not self._submitted.is_set():
            return None
        future = self._futures.get(key)
        if future is None:
            return self._failure
        if not future.done():
            return None
        found = outcome(future)
        return None if isinstance(found, BrokenProcessPool) else found  # result() renders it again

    def result(self, key: str) -> Rendered | BaseException:
        """Wait for the job's outcome: what it rendered, or the error that stopped it."""
        self._submitted.wait()
        future = self._futures.get(key)
        if future is None:
            return self._failure or RuntimeError("the PDF was never started")
        found = outcome(future)
        return self._alone(key) if isinstance(found, BrokenProcessPool) else found

    def _alone(self, key: str) -> Rendered | BaseException:
        """Render a job of a broken pool again, in a process of its own."""
        pool = start_pool(1)
        try:
            found = outcome(pool.submit(job_module.run, self._by_key[key]))
        finally:
            pool.shutdown(wait=True)
        return RenderError(WORKER_DIED) if isinstance(found, BrokenProcessPool) else found

    def close(self, cancel: bool = False) -> None:
        """Shut the workers down; `cancel`: without waiting for PDFs not started yet."""
        self._submitted.wait()
        if self._pool is not None:
            self._pool.shutdown(wait=not cancel, cancel_futures=cancel)  # added jobs may still be waiting


def outcome(future: Future) -> Rendered | BaseException:
    try:
        return future.result()
    except BaseException as error:  # noqa: BLE001 - one PDF's failure must not stop the others
        return error
