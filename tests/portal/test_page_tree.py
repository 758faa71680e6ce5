from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from activiteiten.models import ActiviteitPage, AgendaItemPage, AgendaPage, SpreekuurPage
from home.models import ContentPage, HomePage, WijkenIndexPage, WijkPage
from initiatieven.models import InitiatiefPage, InitiatievenIndexPage
from portal.models import LocatiePage, LocatiesIndexPage, OrganisatiePage, OrganisatiesIndexPage

from ..factories import (
    HomePageFactory,
    LocatiePageFactory,
    LocatiesIndexPageFactory,
    OrganisatiePageFactory,
    OrganisatiesIndexPageFactory,
    WijkenIndexPageFactory,
    WijkPageFactory,
)


class PageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        Page.objects.filter(depth=2).delete()
        root.refresh_from_db()
        cls.home = HomePageFactory(parent=root)
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": cls.home}
        )

    def test_allowed_subpage_types(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                AgendaPage,
                WijkenIndexPage,
                ContentPage,
                LocatiesIndexPage,
                OrganisatiesIndexPage,
                InitiatievenIndexPage,
            },
        )
        self.assertAllowedSubpageTypes(InitiatievenIndexPage, {InitiatiefPage})
        self.assertAllowedSubpageTypes(InitiatiefPage, set())
        self.assertAllowedSubpageTypes(AgendaPage, {ActiviteitPage, SpreekuurPage})
        self.assertAllowedSubpageTypes(ActiviteitPage, set())
        self.assertAllowedSubpageTypes(WijkenIndexPage, {WijkPage})
        self.assertAllowedSubpageTypes(LocatiesIndexPage, {LocatiePage})
        self.assertAllowedSubpageTypes(OrganisatiesIndexPage, {OrganisatiePage})
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})
        self.assertAllowedSubpageTypes(WijkPage, set())
        self.assertAllowedSubpageTypes(LocatiePage, set())

    def test_detail_pages_live_only_under_their_index(self):
        self.assertCanCreateAt(LocatiesIndexPage, LocatiePage)
        self.assertCanNotCreateAt(HomePage, LocatiePage)
        self.assertCanCreateAt(OrganisatiesIndexPage, OrganisatiePage)
        self.assertCanNotCreateAt(ContentPage, OrganisatiePage)
        self.assertCanCreateAt(InitiatievenIndexPage, InitiatiefPage)
        self.assertCanNotCreateAt(HomePage, InitiatiefPage)
        self.assertCanCreateAt(WijkenIndexPage, WijkPage)
        self.assertCanNotCreateAt(HomePage, WijkPage)
        self.assertCanCreateAt(HomePage, ContentPage)
        self.assertCanCreateAt(ContentPage, ContentPage)
        self.assertCanCreateAt(AgendaPage, ActiviteitPage)
        self.assertCanCreateAt(AgendaPage, SpreekuurPage)
        self.assertCanNotCreateAt(HomePage, ActiviteitPage)
        self.assertCanNotCreateAt(AgendaPage, AgendaItemPage)

    def test_index_pages_are_unique(self):
        self.assertCanCreateAt(HomePage, LocatiesIndexPage)
        LocatiesIndexPageFactory(parent=self.home)
        self.assertFalse(LocatiesIndexPage.can_create_at(self.home))
        OrganisatiesIndexPageFactory(parent=self.home)
        self.assertFalse(OrganisatiesIndexPage.can_create_at(self.home))
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_pages_are_renderable(self):
        wijken = WijkenIndexPageFactory(parent=self.home)
        wijk_page = WijkPageFactory(parent=wijken)
        locaties = LocatiesIndexPageFactory(parent=self.home)
        locatie = LocatiePageFactory(parent=locaties, wijk=wijk_page.wijk)
        organisaties = OrganisatiesIndexPageFactory(parent=self.home)
        organisatie = OrganisatiePageFactory(parent=organisaties, wijken=[wijk_page.wijk])
        for page in (self.home, wijken, wijk_page, locaties, locatie, organisaties, organisatie):
            self.assertPageIsRenderable(page)
