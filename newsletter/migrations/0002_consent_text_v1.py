from django.db import migrations

TEXT_V1 = (
    "Ik wil de nieuwsbrief per e-mail ontvangen. De gemeente gebruikt mijn e-mailadres alleen om mij de "
    "nieuwsbrief te sturen over de thema's die ik kies. Ik kan mij altijd afmelden via de link onder elke "
    "nieuwsbrief. Na afmelding bewaren we mijn e-mailadres nog 30 dagen. Daarna houden we alleen een "
    "versleutelde code over, zodat niemand mij zonder mijn toestemming opnieuw kan aanmelden."
)


def create_v1(apps, schema_editor):
    ConsentText = apps.get_model("newsletter", "ConsentText")
    ConsentText.objects.update_or_create(version=1, defaults={"text": TEXT_V1, "is_active": True})


def delete_v1(apps, schema_editor):
    apps.get_model("newsletter", "ConsentText").objects.filter(version=1).delete()


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]

    operations = [migrations.RunPython(create_v1, delete_v1)]
