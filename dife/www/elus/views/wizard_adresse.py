"""Step 3 of the wizard: personal e-mail confirmed by a code, postal address with a commune chosen
from the reference data. Several buttons share the form (send code, check code, search communes,
previous, next); each keeps everything typed."""

from __future__ import annotations

from dife.accounts.models import EmailChallenge
from dife.accounts.services import email_codes
from dife.www.elus.forms.wizard import AdresseForm, EmailStepForm
from dife.www.elus.views.wizard_state import WizardState, raw_fields

SLUG = "adresse"
FIELDS = ["email", *AdresseForm.base_fields]
CHALLENGE = "email_challenge"
CONFIRMED = "email_confirme"


def is_confirmed(state: WizardState, email: str) -> bool:
    confirmed = email_codes.confirmed_email(state.memo(CHALLENGE))
    return bool(email) and confirmed is not None and confirmed.lower() == email.strip().lower()


def final_forms(state: WizardState):
    raw = state.raw(SLUG)
    return EmailStepForm(raw), AdresseForm(raw, final=True)


def forms_valid(state: WizardState, email_form, address_form) -> bool:
    valid = email_form.is_valid() & address_form.is_valid()
    return valid and is_confirmed(state, email_form.cleaned_data["email"])


def _context(state: WizardState, email_form, address_form, notice: str = "") -> dict:
    email = email_form["email"].value() or ""
    challenge_email = state.memo("email_challenge_email", "")
    return {
        "email_form": email_form,
        "address_form": address_form,
        "notice": notice,
        "email_confirmed": is_confirmed(state, email),
        "code_sent": bool(challenge_email) and challenge_email.lower() == email.strip().lower(),
    }


def adresse(request, state: WizardState):
    from dife.www.elus.views.wizard import _go, render_step

    if request.method == "GET":
        raw = state.raw(SLUG)
        context = _context(state, EmailStepForm(initial=raw), AdresseForm(initial=raw))
        return render_step(request, SLUG, context)

    action = request.POST.get("action", "suivant")
    data = request.POST.copy()
    email_form = EmailStepForm(data)
    address_form = AdresseForm(data, final=action == "suivant")
    email_form.full_clean()
    address_form.full_clean()
    notice = ""
    if action == "envoyer_code":
        notice = _send_code(state, email_form)
    elif action == "verifier_code":
        notice = _check_code(state, email_form)
    elif action == "rechercher":
        address_form = _search(data, address_form)
    elif action in ("suivant", "precedent"):
        valid = forms_valid(state, *final_forms_from(data))
        state.store(SLUG, raw_fields(data, FIELDS), valid=valid)
        if action == "precedent" or valid:
            return _go(request, state, SLUG, action)
        email = email_form.cleaned_data.get("email")
        if email and not is_confirmed(state, email):
            email_form.add_error(
                "email",
                "Confirmez cette adresse : cliquez sur « Recevoir un code », puis saisissez le code reçu "
                "et cliquez sur « Vérifier le code ».",
            )
        return render_step(request, SLUG, _context(state, email_form, address_form))
    state.store(SLUG, raw_fields(data, FIELDS), valid=False)
    return render_step(request, SLUG, _context(state, email_form, address_form, notice))


def final_forms_from(data):
    return EmailStepForm(data), AdresseForm(data, final=True)


def _send_code(state: WizardState, email_form) -> str:
    email = email_form.cleaned_data.get("email")
    if not email:
        return ""
    try:
        challenge = email_codes.send_email_code(email=email, purpose=EmailChallenge.Purpose.CREATION)
    except email_codes.CodeError as error:
        email_form.add_error("email", error.message)
        return ""
    state.set_memo(CHALLENGE, str(challenge.pk))
    state.set_memo("email_challenge_email", email)
    return (
        f"Un code à 6 chiffres vient d'être envoyé à {email}. Il est valable "
        f"{email_codes.validity_minutes()} minutes."
    )


def _check_code(state: WizardState, email_form) -> str:
    email = email_form.cleaned_data.get("email")
    code = email_form.cleaned_data.get("code")
    challenge_email = state.memo("email_challenge_email", "")
    if not email:
        return ""
    if not challenge_email or challenge_email.lower() != email.lower():
        email_form.add_error("email", "Cliquez d'abord sur « Recevoir un code » pour cette adresse.")
        return ""
    if not code:
        if "code" not in email_form.errors:
            email_form.add_error("code", "Saisissez le code à 6 chiffres reçu par courriel.")
        return ""
    try:
        email_codes.verify_email_code(challenge_id=state.memo(CHALLENGE), code=code)
    except email_codes.CodeError as error:
        email_form.add_error("code", error.message)
        return ""
    return "Votre adresse email est confirmée."


def _search(data, address_form):
    query = data.get("commune_recherche", "").strip()
    results = address_form.commune_results
    if not query:
        address_form.add_error("commune_recherche", "Saisissez un code postal ou un nom de commune.")
    elif not results:
        address_form.add_error(
            "commune_recherche",
            f"Aucune commune ne correspond à « {query} ». Vérifiez le code postal ou le nom.",
        )
    elif len(results) == 1 and not data.get("commune"):
        data["commune"] = results[0].value
        address_form = AdresseForm(data)
        address_form.full_clean()
    return address_form
