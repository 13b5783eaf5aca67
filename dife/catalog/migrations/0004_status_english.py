"""Catalog names: the field ``statut`` becomes ``status`` and its values English snake_case (decision 0009).

Formations and actions: brouillon/publiee/fermee → draft/published/closed; sessions: ouverte/fermee →
open/closed. The CHECK constraints are dropped, the values rewritten (both directions), then recreated.
"""

from django.db import migrations, models

from dife.core.enum_values import rename_values

FORMATION_ACTION = {"brouillon": "draft", "publiee": "published", "fermee": "closed"}
SESSION = {"ouverte": "open", "fermee": "closed"}



def status_field(choices, default):
    return models.CharField(choices=choices, default=default, max_length=10, verbose_name='statut')


PUBLICATION = [('draft', 'Brouillon'), ('published', 'Publiée'), ('closed', 'Fermée')]
OPENING = [('open', 'Ouverte'), ('closed', 'Fermée')]


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0003_search_indexes'),
    ]

    operations = [
        migrations.RemoveConstraint(model_name='action', name='catalog_action_statut_valid'),
        migrations.RemoveConstraint(model_name='formation', name='catalog_formation_statut_valid'),
        migrations.RemoveConstraint(model_name='session', name='catalog_session_statut_valid'),
        migrations.RenameField(model_name='action', old_name='statut', new_name='status'),
        migrations.RenameField(model_name='formation', old_name='statut', new_name='status'),
        migrations.RenameField(model_name='session', old_name='statut', new_name='status'),
        rename_values('catalog_action', 'status', FORMATION_ACTION),
        rename_values('catalog_formation', 'status', FORMATION_ACTION),
        rename_values('catalog_session', 'status', SESSION),
        migrations.AlterField(model_name='action', name='status', field=status_field(PUBLICATION, 'draft')),
        migrations.AlterField(model_name='formation', name='status', field=status_field(PUBLICATION, 'draft')),
        migrations.AlterField(model_name='session', name='status', field=status_field(OPENING, 'open')),
        migrations.AddConstraint(
            model_name='action',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['draft', 'published', 'closed'])), name='catalog_action_status_valid'),
        ),
        migrations.AddConstraint(
            model_name='formation',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['draft', 'published', 'closed'])), name='catalog_formation_status_valid'),
        ),
        migrations.AddConstraint(
            model_name='session',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['open', 'closed'])), name='catalog_session_status_valid'),
        ),
    ]
