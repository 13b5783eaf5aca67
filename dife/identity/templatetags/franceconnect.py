"""``{% franceconnect_enabled as fc %}``: hide the FranceConnect+ button when the settings turn it off."""

from django import template

from dife.identity.franceconnect import config

register = template.Library()


@register.simple_tag
def franceconnect_enabled() -> bool:
    return config.enabled()
