"""How times read in plain text: the reader's local clock with the meeting's beside it."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.domain.localtime import utc_offset_label
from bot.services.views import Reader


def zone_label(moment: datetime, zone: ZoneInfo) -> str:
    """'CET' where the zone has a letter abbreviation, else the city ('Almaty'), never a bare '+06'."""
    abbreviation = moment.astimezone(zone).strftime("%Z")
    if abbreviation.isalpha():
        return abbreviation
    return str(zone.key).rsplit("/", 1)[-1].replace("_", " ")


class Times(Protocol):
    """The platform-specific part of rendering: how one moment or span is written for a reader."""

    def span(self, start: datetime, end: datetime, reader: Reader) -> str: ...

    def moment(self, at: datetime, reader: Reader) -> str: ...

    def header(self, reader: Reader, at: datetime) -> str: ...


class PlainTimes:
    """Explicit times for terminals and files: '15:00–15:40 Almaty [10:00–10:40 CET]'."""

    def span(self, start: datetime, end: datetime, reader: Reader) -> str:
        meeting = self._span(start, end, ZoneInfo(reader.meeting_zone))
        local = self._span(start, end, ZoneInfo(reader.zone)) if reader.zone else meeting
        return meeting if local == meeting else f"{local} [{meeting}]"

    def moment(self, at: datetime, reader: Reader) -> str:
        meeting = self._moment(at, ZoneInfo(reader.meeting_zone))
        local = self._moment(at, ZoneInfo(reader.zone)) if reader.zone else meeting
        return meeting if local == meeting else f"{local} [{meeting}]"

    def header(self, reader: Reader, at: datetime) -> str:
        meeting = ZoneInfo(reader.meeting_zone)
        if not reader.zone or reader.zone == reader.meeting_zone:
            return f"Times in {reader.meeting_zone} ({zone_label(at, meeting)}), the meeting's time."
        local = ZoneInfo(reader.zone)
        whose = f"{reader.zone_label}, " if reader.zone_label else ""
        offset = utc_offset_label(at, local)
        return (
            f"Times in {reader.zone} ({whose}{offset}); "
            f"the meeting's time ({reader.meeting_zone}, {zone_label(at, meeting)}) in brackets."
        )

    @staticmethod
    def _span(start: datetime, end: datetime, zone: ZoneInfo) -> str:
        local_start, local_end = start.astimezone(zone), end.astimezone(zone)
        next_day = " (+1 day)" if local_end.date() > local_start.date() and local_end.time().hour else ""
        return f"{local_start:%H:%M}–{local_end:%H:%M} {zone_label(start, zone)}{next_day}"

    @staticmethod
    def _moment(at: datetime, zone: ZoneInfo) -> str:
        return f"{at.astimezone(zone):%H:%M} {zone_label(at, zone)}"
