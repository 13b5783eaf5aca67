"""Account-creation wizard (PRODUCT §2): five steps, each validated server-side before the next."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from dife.accounts import nir as nir_module
from dife.accounts.services.signup import register_elu
from dife.www.elus.forms.wizard import ContactForm, DiplomeForm, IdentiteForm, MotDePasseForm
from dife.www.elus.views import signup_throttle, wizard_adresse
from dife.www.elus.views.wizard_state import DONE_KEY, SLUGS, STEPS, WizardState, raw_fields


def step_url(slug: str) -> str:
    return reverse("elus:creation_compte_etape", args=[slug])


def render_step(request, slug: str, context: dict, status: int = 200):
    index = SLUGS.index(slug)
    context = {
        "steps": STEPS,
        "step": STEPS[index],
        "step_number": index + 1,
        "total": len(STEPS),
        "next_step": STEPS[index + 1] if index + 1 < len(STEPS) else None,
        **context,
    }
    template = f"elus/creation_compte/{slug.replace('-', '_')}.html"
    return render(request, template, context, status=status)


def start(request):
    if request.user.is_authenticated:
        return redirect("elus:droits")
    return redirect(step_url(WizardState(request.session).first_incomplete()))


@sensitive_post_parameters("nir", "password", "password_confirm")
@require_http_methods(["GET", "POST"])
def step(request, slug: str):
    if slug not in SLUGS:
        raise Http404
    if request.user.is_authenticated:
        return redirect("elus:droits")
    state = WizardState(request.session)
    missing = state.first_invalid_before(slug)
    if missing is not None:
        return redirect(step_url(missing))
    return HANDLERS[slug](request, state)


def _go(request, state, slug: str, action: str):
    index = SLUGS.index(slug)
    target = SLUGS[index - 1] if action == "precedent" else SLUGS[index + 1]
    return redirect(step_url(target))


def identite(request, state: WizardState):
    raw = state.raw("identite")
    stored_mask = nir_module.mask(nir_module.decrypt(raw["nir_enc"])) if raw.get("nir_enc") else ""
    if request.method == "GET":
        initial = {"nom_naissance": raw.get("nom_naissance", "")}
        form = IdentiteForm(initial=initial, stored_nir_mask=stored_mask)
        return render_step(request, "identite", {"form": form})
    if request.POST.get("nir", "").strip() and (refusal := signup_throttle.refused(request)):
        return refusal
    form = IdentiteForm(request.POST, stored_nir_mask=stored_mask)
    if not form.is_valid():
        state.store("identite", {**raw, "nom_naissance": request.POST.get("nom_naissance", "")}, valid=False)
        return render_step(request, "identite", {"form": form})
    nir = form.cleaned_data["nir"]
    state.store(
        "identite",
        {
            "nir_enc": nir_module.encrypt(nir) if nir else raw["nir_enc"],
            "nom_naissance": form.cleaned_data["nom_naissance"],
        },
        valid=True,
    )
    return redirect(step_url("contact"))


def contact(request, state: WizardState):
    if request.method == "GET":
        return render_step(request, "contact", {"form": ContactForm(initial=state.raw("contact"))})
    return _simple_step(request, state, "contact", ContactForm)


def diplome(request, state: WizardState):
    if request.method == "GET":
        return render_step(request, "diplome", {"form": DiplomeForm(initial=state.raw("diplome"))})
    return _simple_step(request, state, "diplome", DiplomeForm)


def _simple_step(request, state: WizardState, slug: str, form_class):
    action = request.POST.get("action", "suivant")
    form = form_class(request.POST)
    valid = form.is_valid()
    state.store(slug, raw_fields(request.POST, form.fields), valid=valid)
    if valid or action == "precedent":
        return _go(request, state, slug, action)
    return render_step(request, slug, {"form": form})


def mot_de_passe(request, state: WizardState):
    if request.method == "GET":
        form = MotDePasseForm(initial=state.raw("mot-de-passe"))
        return render_step(request, "mot-de-passe", {"form": form})
    action = request.POST.get("action", "suivant")
    form = MotDePasseForm(request.POST)
    # Passwords are never kept; the CGU box is.
    state.store("mot-de-passe", {"cgu": request.POST.get("cgu", "")}, valid=False)
    if action == "precedent":
        return _go(request, state, "mot-de-passe", action)
    if not form.is_valid():
        return render_step(request, "mot-de-passe", {"form": form})
    if refusal := signup_throttle.refused(request):
        return refusal
    return _create_account(request, state, form.cleaned_data["password"])


def _create_account(request, state: WizardState, password: str):
    """Validate every step again from what the session kept, then ask for the account."""
    identite_raw = state.raw("identite")
    contact_form = ContactForm(state.raw("contact"))
    email_form, address_form = wizard_adresse.final_forms(state)
    diplome_form = DiplomeForm(state.raw("diplome"))
    for slug, ok in (
        ("identite", bool(identite_raw.get("nir_enc") and identite_raw.get("nom_naissance"))),
        ("contact", contact_form.is_valid()),
        ("adresse", wizard_adresse.forms_valid(state, email_form, address_form)),
        ("diplome", diplome_form.is_valid()),
    ):
        if not ok:
            state.store(slug, state.raw(slug), valid=False)
            return redirect(step_url(slug))
    # The account is created, or, when the NIR already has one, its owner is e-mailed: the visitor
    # sees the same page either way and is not signed in (review F1).
    register_elu(
        nir=nir_module.decrypt(identite_raw["nir_enc"]),
        nom_naissance=identite_raw["nom_naissance"],
        telephone_mobile=contact_form.cleaned_data["telephone_mobile"],
        telephone_fixe=contact_form.cleaned_data["telephone_fixe"],
        email=email_form.cleaned_data["email"],
        email_confirmed=True,
        address=address_form.address(),
        diplome=diplome_form.cleaned_data["diplome"],
        annee_obtention=diplome_form.cleaned_data["annee_obtention"],
        password=password,
        source="formulaire",
        request=request,
    )
    state.clear()
    request.session.cycle_key()
    request.session[DONE_KEY] = True
    return redirect("elus:creation_compte_terminee")


def terminee(request):
    if not request.session.pop(DONE_KEY, False):
        return redirect("elus:creation_compte")
    return render(request, "elus/creation_compte/terminee.html")


HANDLERS = {
    "identite": identite,
    "contact": contact,
    "adresse": wizard_adresse.adresse,
    "diplome": diplome,
    "mot-de-passe": mot_de_passe,
}
