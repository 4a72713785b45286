"""What a platform adapter uses of a running Podium: the use cases it calls, as one object."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.meeting import Meeting
from bot.services.commands import CommandService
from bot.services.displays import Displays
from bot.services.floor import FloorService
from bot.services.ports import Clock
from bot.services.registry import Registry
from bot.services.timetable import Timetable
from bot.services.translation import Translations


@dataclass(frozen=True)
class Core:
    """The timetable, the command registry and service, the floor, the live displays and the clock."""

    timetable: Timetable
    registry: Registry
    commands: CommandService
    floor: FloorService
    displays: Displays
    clock: Clock
    translations: Translations  # every reader's language

    @property
    def meeting(self) -> Meeting:
        return self.timetable.meeting  # a reload replaces it
