"""Buttons: timeline pages that only the invoking user can turn, and suggested questions."""

from __future__ import annotations

import logging

import discord

from bot.discord_bot.embeds import card_to_embed, truncate
from bot.render import Card

log = logging.getLogger(__name__)


class TimelineView(discord.ui.View):
    """Previous/Next over timeline pages; only `owner_id` may turn them; disabled on timeout."""

    def __init__(self, pages: list[Card], owner_id: int, timeout: float = 180.0):
        super().__init__(timeout=timeout)
        self.pages = pages
        self.owner_id = owner_id
        self.index = 0
        self.origin: discord.Interaction | None = None  # the /timeline interaction, to edit on timeout
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            "Only the person who ran /timeline can turn these pages — run `/timeline` to get your own.", ephemeral=True)
        return False

    async def _show(self, interaction: discord.Interaction) -> None:
        self._sync_buttons()
        await interaction.response.edit_message(embed=card_to_embed(self.pages[self.index]), view=self, attachments=[])

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary, custom_id="timeline:previous")
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.index = max(0, self.index - 1)
        await self._show(interaction)

    @discord.ui.button(label="Next", style=discord.ButtonStyle.primary, custom_id="timeline:next")
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        self.index = min(len(self.pages) - 1, self.index + 1)
        await self._show(interaction)

    async def on_timeout(self) -> None:
        for item in self.children:
            item.disabled = True
        if self.origin is not None:
            try:
                await self.origin.edit_original_response(view=self)
            except discord.HTTPException as exc:  # the message may be gone; nothing to disable then
                log.info("could not disable timeline buttons: %s", exc)


class SuggestionView(discord.ui.View):
    """One button per suggested question; pressing it asks that question (privately)."""

    def __init__(self, suggestions: list[str], answer, timeout: float = 600.0):
        super().__init__(timeout=timeout)
        for i, question in enumerate(suggestions[:5]):
            button = discord.ui.Button(label=truncate(question, 80), style=discord.ButtonStyle.secondary,
                                       custom_id=f"suggest:{i}")
            button.callback = self._make_callback(question, answer)
            self.add_item(button)

    @staticmethod
    def _make_callback(question: str, answer):
        async def callback(interaction: discord.Interaction) -> None:
            await answer(interaction, question, ephemeral=True)
        return callback
