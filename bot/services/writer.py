"""The write path: commands and clock work in batches, each one transaction for its log rows, lookups and changes."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.domain.errors import Refused
from bot.domain.transcript import TranscriptEntry
from bot.services.group_commit import GroupCommit
from bot.services.ports import ConcurrentChange, UnitOfWork
from bot.services.transaction import Transaction

log = logging.getLogger(__name__)
# Attempts of one batch when another process saves a list it changes first. With row locks (PostgreSQL) and
# SQLite's single writer this is rare; a burst on two replicas may still collide a few times in a row.
ATTEMPTS = 8
Prefetch = Callable[[Transaction, Sequence[str]], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Job:
    """One piece of work for a batch: a command, with its log entry, or a clock tick, with none."""

    work: Callable[[Transaction], Awaitable[Any]]
    # Logged in the same transaction as the work's effect; a delivery logged before is not run again.
    entry: TranscriptEntry | None = None
    actor: str | None = None  # whose declaration the batch reads, with everyone else's, in one query


class Writer:
    """Runs jobs in batches, one batch at a time: what arrives while one is written goes in the next.

    A batch is one transaction: the command log's rows (with their request ids), the lookups, and every
    change, committed together or not at all, so an acknowledged command never loses its effect and a
    retried delivery whose first try did not commit runs in full. A job refused (`Refused`) answers alone;
    a job that fails the batch for its own reason (its data, a bug) is found by running each job alone,
    so it fails alone and the others commit. If another process saved a list first, the batch runs again.
    """

    def __init__(self, uow: Callable[[], UnitOfWork], prefetch: Prefetch | None = None) -> None:
        self.uow = uow
        self.prefetch = prefetch
        self._batches: GroupCommit[Job, Any] = GroupCommit(self._write)

    async def run(self, job: Job) -> Any:
        """The work's result, or None when its entry was logged before (a retried delivery, already done).

        A refusal is raised; so is the error of a job that failed alone.
        """
        return await self._batches(job)

    async def _write(self, jobs: list[Job]) -> list[Any]:
        moved: set[str] = set()
        for _ in range(ATTEMPTS):
            try:
                return await self._attempt(jobs, frozenset(moved))
            except ConcurrentChange as change:
                moved.add(change.session_id)
            except Exception:
                if len(jobs) == 1:
                    raise
                return [await self._alone(job) for job in jobs]
        log.warning("gave up a batch of %d after %d collisions with other processes", len(jobs), ATTEMPTS)
        return [Refused("busy", {"sessions": ", ".join(sorted(moved))})] * len(jobs)

    async def _alone(self, job: Job) -> Any:
        try:
            return (await self._write([job]))[0]
        except Exception as error:  # this job's own failure: its caller gets it, the others went on
            return error

    async def _attempt(self, jobs: list[Job], moved: frozenset[str]) -> list[Any]:
        tx: Transaction | None = None
        try:
            async with self.uow() as uow:
                tx = Transaction(uow, moved)
                outcomes = await self._run_all(tx, jobs)
                await tx.commit()
        finally:
            if tx is not None:  # after the unit of work settled the cache: readers never see a rolled-back list
                tx.release()
        tx.told()
        return outcomes

    async def _run_all(self, tx: Transaction, jobs: list[Job]) -> list[Any]:
        logged = iter(await tx.uow.transcript.append_all([job.entry for job in jobs if job.entry is not None]))
        runs = [job.entry is None or next(logged) for job in jobs]
        if self.prefetch is not None:
            await self.prefetch(tx, [job.actor for job, run in zip(jobs, runs, strict=True) if run and job.actor])
        return [await _one(tx, job) if run else None for job, run in zip(jobs, runs, strict=True)]


async def _one(tx: Transaction, job: Job) -> Any:
    try:
        return await job.work(tx)
    except Refused as refusal:  # refused before changing anything: the others in the batch go on
        return refusal
