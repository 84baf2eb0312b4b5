"""annotate_places(): spans, relations, links to LOC mentions, common words, unplaced names."""

from __future__ import annotations

from marsad.geo import annotate_places
from marsad.records import Document, Mention


def annotate(text: str, mentions: list[Mention] | None = None) -> Document:
    doc = Document(id="t", source="t", text=text, mentions=mentions or [])
    annotate_places(doc)
    return doc


def by_text(doc: Document) -> dict[str, object]:
    return {p.text: p for p in doc.places}


def test_relations_and_precision() -> None:
    doc = annotate("قصفت الطائرات مدينة معدان على بعد نحو 40 كم جنوب شرقي الرقة، "
                   "وهاجم التنظيم تلال الطفحة شرق مدينة حمص بنحو 70 كم، ودارت معارك في ريف حلب الشمالي.")
    places = by_text(doc)
    assert places["معدان"].location.precision == 1
    distance = places["على بعد نحو 40 كم جنوب شرقي الرقة"]
    assert distance.relation == "distance" and distance.anchor == "الرقة" and distance.location.precision == 2
    assert places["شرق مدينة حمص بنحو 70 كم"].relation == "distance"
    assert places["ريف حلب الشمالي"].relation == "countryside"
    # the village the gazetteer lacks borrows the anchor of the distance phrase after it
    assert places["الطفحة"].location.name_en == "Homs" and places["الطفحة"].location.precision == 2


def test_unknown_villages_are_reported_without_location() -> None:
    doc = annotate("تركزت الغارات على قرى الخميسية والجابر ومقلة كبير في ريف الرقة.")
    places = by_text(doc)
    for name in ("الخميسية", "الجابر", "مقلة كبير"):
        assert name in places and places[name].location is None


def test_surname_and_common_words_are_not_places() -> None:
    doc = annotate("قال محمد الجابر إن الأمن في الوطن أولوية، وإن الشمال والجنوب شركاء في بيان دولي.")
    assert [p for p in doc.places if p.location is not None] == []


def test_links_ner_mentions_and_creates_gazetteer_mentions() -> None:
    text = "وصل الوفد إلى دمشق ثم توجه إلى حمص."
    ner = Mention(text.index("دمشق"), text.index("دمشق") + 4, "دمشق", "LOC")
    doc = annotate(text, [ner])
    assert ner.entity_id and ner.entity_id.startswith("place:")
    homs = [m for m in doc.mentions if m.text == "حمص"]
    assert homs and homs[0].source == "gazetteer" and homs[0].type == "LOC"
    assert {p.entity_id for p in doc.places} == {ner.entity_id, homs[0].entity_id}


def test_ner_loc_vouches_for_a_common_word_and_pers_blocks() -> None:
    text = "سيطرت القوات على الباب. وقال أحمد حمص إن المعارك مستمرة."
    bab = Mention(text.index("الباب"), text.index("الباب") + 5, "الباب", "LOC")
    person = Mention(text.index("أحمد حمص"), text.index("أحمد حمص") + 8, "أحمد حمص", "PERS")
    doc = annotate(text, [bab, person])
    places = by_text(doc)
    assert places["الباب"].location.country == "Syria"
    assert "حمص" not in places


def test_empty_latin_and_long_documents() -> None:
    assert annotate("").places == []
    assert annotate("Latin text about Damascus only.").places == []
    long_doc = annotate("قصف في دمشق. " * 5000)
    assert len(long_doc.places) == 5000


# ---- held-out error classes (sentences written for these tests) ----------------------------------


def _places(text: str, dateline: str | None = None) -> list:
    doc = Document(id="t", source="t", text=text, dateline=dateline)
    annotate_places(doc)
    return doc.places


def test_region_word_selects_the_saudi_region_not_its_capital() -> None:
    places = _places("أعلنت إمارة منطقة الرياض عن مشروع جديد في مدينة الرياض.")
    region = next(p for p in places if "منطقة" in p.text)
    city = [p for p in places if p is not region][0]
    assert region.location.feature == "admin1" and region.location.precision == 3
    assert city.location.feature == "city"


def test_plural_region_word_and_its_list_take_the_regions() -> None:
    places = _places("هطلت أمطار على مناطق عسير وجازان ونجران يوم أمس.")
    assert [p.location.name_en for p in places] == ["Asir Region", "Jazan Region", "Najran Region"]
    assert all(p.location.precision == 3 for p in places)


def test_conjunction_reading_of_a_name_follows_the_document_country() -> None:
    places = _places("افتتحت الوزارة فروعا في الرياض وجدة والدمام لخدمة المواطنين السعوديين.")
    jeddah = next(p for p in places if p.location.name_en == "Jeddah")
    assert jeddah.text == "جدة"
    assert all(p.location.name_en != "Oujda" for p in places)


def test_dateline_names_the_capital_not_the_country() -> None:
    assert _places("تونس 12 رجب 1436 هـ واس\nقالت الحكومة إنها ستعقد اجتماعا.")[0].location.name_en == "Tunis"
    assert _places("الجزائر - أعلنت الحكومة خطة جديدة.")[0].location.name_en == "Algiers"
    assert _places("زار الوزير الجزائر أمس.")[0].location.feature == "country"


def test_unknown_neighbourhood_is_placed_at_the_town_named_with_it() -> None:
    places = _places("اشتبك المسلحون في حي الزهراوي غرب مدينة عدن.\nوعاد الهدوء إلى حي الزهراوي لاحقا.")
    hoods = [p for p in places if "الزهراوي" in p.text]
    assert len(hoods) == 2
    assert all(p.location is not None and p.location.name_en == "Aden" and p.location.precision == 2
               for p in hoods)


def test_press_spellings_of_foreign_places() -> None:
    names = {p.text: p.location.name_en for p in _places(
        "لعب المنتخب في الأوروجواي ثم سافر إلى البوسنة وبعدها إلى سان بطرسبرج قرب معتقل جوانتانامو.")}
    assert names["الأوروجواي"] == "Uruguay"
    assert names["البوسنة"] == "Bosnia and Herzegovina"
    assert names["سان بطرسبرج"] == "Saint Petersburg"
    assert names["قرب معتقل جوانتانامو"] == "Guantanamo Bay Naval Base"


def test_place_spans_start_after_proclitics() -> None:
    text = ("وصلت التعزيزات للعراق وللميادين قبل أن تتجه القوات وَبِحلب وبـحمص إلى دمشق، "
            "وقالت مصادر في طهران وإيران إن الاتفاق بين روسيا وتركيا صامد.")
    doc = annotate(text)
    texts = {p.text for p in doc.places}
    assert {"عراق", "حلب", "حمص", "إيران", "تركيا"} <= texts
    for p in doc.places:
        assert text[p.start:p.end] == p.text
        assert not p.text.startswith(("و", "ب", "لل", "لع")), p.text


def test_ner_spans_lose_the_clitic_of_a_gazetteer_name() -> None:
    text = "التقى الوزير نظيريه من روسيا وإيران قبل أن يزور بحلب مواقع القصف بريف دير الزور الشرقي."
    ner = [Mention(text.index(w), text.index(w) + len(w), w, "LOC") for w in ("وإيران", "بحلب", "بريف دير الزور")]
    doc = annotate(text, list(ner))
    assert [m.text for m in ner] == ["إيران", "حلب", "ريف دير الزور"]
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text and m.entity_id


def located(text: str) -> dict[str, str]:
    return {p.text: p.location.name_en for p in annotate(text).places if p.location is not None}


def test_words_that_spell_foreign_or_rarely_cued_places_are_not_places() -> None:
    # ب + Yan'an across "بيان إن"; أمل (hope) / Āmol; الأبيض (white) / El Obeid
    assert located("وقالت الحكومة في بيان إن المحادثات ستستأنف الأسبوع المقبل.") == {}
    assert located("وأعرب الوزير عن امل كبير في أن تنجح المساعي.") == {}
    assert located("وقال مسؤول في البيت الأبيض إن الرئيس يعمل في الأبيض من الصباح.") == {}
    assert located("اندلعت اشتباكات في مدينة الأبيض بولاية شمال كردفان في السودان.")["الأبيض"] == "El Obeid"
    assert located("وصل الرئيس الفرنسي إلى ستراسبورغ صباح اليوم.")["ستراسبورغ"] == "Strasbourg"


def test_the_city_after_a_part_of_it_is_the_city_named_before() -> None:
    places = located("سقطت قذائف على حمص، وتعرضت أحياء المدينة القديمة لقصف عنيف.")
    assert "المدينة" not in places and places["حمص"] == "Homs"
    assert located("افتتح أمير منطقة المدينة مشروعا جديدا.")["المدينة"] == "Madinah"


def test_cairo_castle_of_taiz_and_the_cairo_citadel() -> None:
    taiz = located("تعرضت أحياء مدينة تعز اليمنية لقصف مدفعي من قلعة القاهرة.")
    assert taiz["قلعة القاهرة"] == "Al-Qahira Castle (Taiz)"
    assert located("زار الوفد قلعة القاهرة خلال جولته في مصر.")["قلعة القاهرة"] == "Cairo Citadel"


def test_media_named_after_places_are_not_places() -> None:
    text = ("قال مصدر عسكري لـ«الميادين» إن الجيش تقدم في دير الزور، وأفادت مصادر محلية «للميادين» "
            "بوصول تعزيزات، كما بثت قناة الميادين صورا. ونقلت صحيفة «الرياض» عن شهود أن القصف استمر.")
    assert set(located(text)) == {"دير الزور"}
    assert "ميادين" in located("وصلت التعزيزات «للميادين» في ريف دير الزور الشرقي.")


def test_ner_mentions_splitting_one_name_become_one() -> None:
    text = "تقدمت القوات باتجاه ريف الرقة ودير الزور."
    ner = [Mention(text.index(w), text.index(w) + len(w), w, "LOC") for w in ("ودير", "الزور")]
    doc = annotate(text, list(ner))
    locs = [m.text for m in doc.mentions if m.type == "LOC"]
    assert "دير الزور" in locs and "الزور" not in locs and "دير" not in locs


def _loc_mention(text: str, words: str) -> Mention:
    start = text.index(words)
    return Mention(start=start, end=start + len(words), text=words, type="LOC")


def test_names_that_read_as_particles_need_their_own_place_word_or_preposition() -> None:
    # و + أن after "المنطقة" is not Van, and NER tagging "عيان ان" does not make it Yan'an.
    text = "وأكد أن الهدوء عاد إلى المنطقة وأن الاتصالات مستمرة."
    assert {p.text for p in annotate(text, [_loc_mention(text, "وأن")]).places if p.location} == set()
    text = "وقال شهود عيان ان الطائرات عادت إلى قواعدها."
    assert {p.text for p in annotate(text, [_loc_mention(text, "عيان ان")]).places if p.location} == set()
    # A place word right before the name still names the place.
    assert located("وقع انفجار في مدينة وان التركية.") == {"وان": "Van"}


def test_same_name_in_two_governorates_follows_the_governorate_named() -> None:
    assert located("قصفت الطائرات بلدة الغارية في ريف درعا الشرقي.")["الغارية"] == "Al-Ghariyah al-Sharqiyah"
    assert located("قصفت الطائرات بلدة الغارية في محافظة السويداء.")["الغارية"] == "Al Ghāriyah"
    assert located("وتقدمت الفصائل نحو الغارية الشرقية.") == {"الغارية الشرقية": "Al-Ghariyah al-Sharqiyah"}


def test_items_of_a_list_of_places_are_places_even_when_they_are_words() -> None:
    # الدائر ("ongoing") and الحريق ("the fire") are common words; in a list of towns they are towns
    doc = annotate("سيتم تشغيل فروع في ثادق والدائر والعيص وخيبر والنعيرية والحريق.")
    places = {p.text: p.location.name_en for p in doc.places if p.location}
    assert places == {"ثادق": "Thadiq", "الدائر": "Ad Dayer", "العيص": "Al-Ais", "خيبر": "Khaybar",
                      "النعيرية": "Nairyah", "الحريق": "Al-Hariq"}
    doc = annotate("انتصارات في عدن ولحج وأبين وتعز.")
    assert {p.location.name_en for p in doc.places} == {"Aden", "Lahij Governorate", "Abyan Governorate", "Taiz"}
    # the word a list follows is not an item ("اليمن الشقيق"), and words stay words outside lists
    doc = annotate("بما فيها اليمن الشقيق وعسير والباحة والطائف. وقال إن الصراع الدائر طويل.")
    assert {p.text for p in doc.places} == {"اليمن", "عسير", "الباحة", "الطائف"}


def test_a_name_given_a_place_word_is_that_place_again() -> None:
    doc = annotate("أقيم المعسكر بمدينة هورست الهولندية. وتعادل الفريق في هورست مع نيس. وقال هورست زيهوفر")
    assert [p.text for p in doc.places if p.location] == ["هورست", "هورست"]


def test_a_legislators_constituency_is_the_state() -> None:
    doc = annotate("لم يحسم السيناتور عن نيويورك تشاك شومر أمره، فيما يقيم في نيويورك.")
    assert [p.location.name_en for p in doc.places] == ["New York (state)", "New York City"]


def test_saudi_regions_and_governorates() -> None:
    doc = annotate("رفع أمير منطقة القصيم التهاني، وزار منطقة الباحة ومحافظة المجمعة ومطار الملك عبدالعزيز الدولي.")
    names = [p.location.name_en for p in doc.places]
    assert names == ["Al-Qassim Region", "Al Bahah Region", "Al Majma'ah", "King Abdulaziz International Airport"]


def test_the_people_of_a_region() -> None:
    # عسير is also the word "difficult": after أهالي it is the region; أهالي الشهداء are families
    doc = annotate("وتسارع الآلاف من أهالي عسير إلى المستشفيات، والتقى أهالي الشهداء.")
    assert [p.location.name_en for p in doc.places] == ["Asir Region"]


def test_city_names_of_clubs_are_not_places() -> None:
    doc = annotate("انتقل اللاعب إلى مانشستر يونايتد بعد إعارته لمانشستر سيتي، ويقيم في مدينة مانشستر، "
                   "وولد في أوكلاهوما سيتي.")
    assert [p.location.name_en for p in doc.places] == ["Manchester", "Oklahoma City"]


def test_eastern_province_by_ellipsis_in_a_list_of_regions() -> None:
    # الشرقية is "eastern": the Eastern Province only after منطقة/مناطق/منطقتا or a title, or in their lists
    doc = annotate("تصدرت مناطق عسير، ومكة المكرمة، والشرقية النسب الأعلى، تليها فمنطقتا القصيم والشرقية.")
    assert [p.location.name_en for p in doc.places] == [
        "Asir Region", "Makkah Region", "Eastern Province", "Al-Qassim Region", "Eastern Province"]
    assert located("وتحرس القوات الحدود الشرقية، وقال مسؤول في الشرقية إن الوضع هادئ.") == {}
    assert located("وقع الحادث في محافظة الشرقية شمال القاهرة.")["محافظة الشرقية"] == "Al Sharqia Governorate"


def test_a_title_in_construct_names_a_place_and_the_name_again() -> None:
    places = located("أقيم الحفل بمسجد الغنيم بدارين، بحضور عمدة دارين. واستقبل أمير عسير الوفد.")
    assert places == {"دارين": "Darin", "عسير": "Asir Region"}
    text = "أقيم الحفل بدارين، بحضور عمدة دارين."
    assert [p.start for p in annotate(text).places] == [text.index("دارين"), text.rindex("دارين")]
    # with the article the title is a noun of its own: الأمير نايف، الأمير الجديد are persons
    assert located("ودعا الأمير نايف بن ثنيان، وبايع الأنصار الأمير الجديد.") == {}
    assert located("قال دارين ويلسون إن الأمر انتهى.") == {}


def test_streets_and_neighbourhoods_named_after_a_country_or_region() -> None:
    doc = annotate("وقع الحادث في شارع فلسطين بجدة، قرب حي الأندلس، بينما تتميز عن باقي قرى ومدن الأندلس.")
    names = [(p.text, p.location.name_en if p.location else None) for p in doc.places]
    assert ("جدة", "Jeddah") in names and ("الأندلس", "Andalusia") in names and "ومدن" not in dict(names)
    assert dict(names)["فلسطين"] != "Palestine"  # the street, placed at the town named with it
    assert "السورية" not in located("وكانت موسكو صريحة في تأييده في الساحة السورية.")


def test_a_world_city_outranks_its_small_namesake_abroad() -> None:
    # Manchester NH does not take the share of a United States named far away; Zinjibar stays Yemeni
    places = located("انتقل راموس من مدريد إلى مانشستر، وقال المدرب في ملبورن إن الصفقة لم تتم. " + "وأوضح " * 40
                     + "وأكد قبل أيام من الولايات المتحدة أنه لم يفقد الأمل.")
    assert places["مانشستر"] == "Manchester"
    assert located("تسلل الجواسيس لمدينة زنجبار عاصمة محافظة أبين في اليمن.")["زنجبار"] == "Zinjibar"


def test_airports_named_after_persons_and_cities() -> None:
    places = located("منع الهبوط بمطار أتاتورك في إسطنبول، بعد الإقلاع من مطار كوالالمبور الدولي، ومن مطار هيثرو.")
    assert places["مطار أتاتورك"] == "Istanbul Atatürk Airport"
    assert places["مطار كوالالمبور الدولي"] == "Kuala Lumpur International Airport"
    assert places["مطار هيثرو"] == "Heathrow Airport"


def test_places_of_blind_batch_3() -> None:
    places = located("عثر على الحطام في جزيرتي أتول فيهيندو ، وفولهادو غرب العاصمة ماليه، وفرضت غرامة مالية. "
                     "وتقع سيتينيل دي لاس بودوغاس في مقاطعة قادس. وزار ولاية كوينزلاند ومدينة السيح بالخرج.")
    assert places["أتول فيهيندو"] == "Fehendhoo" and places["فولهادو"] == "Fulhadhoo" and places["غرب العاصمة ماليه"] == "Malé"
    assert "مالية" not in places
    assert places["سيتينيل دي لاس بودوغاس"] == "Setenil de las Bodegas"
    assert places["مقاطعة قادس"] == "Province of Cádiz" and places["ولاية كوينزلاند"] == "Queensland"
    assert places["السيح"] == "Al Kharj"


def test_airports_named_after_persons_and_the_capital_of_a_country_named_by_its_airport() -> None:
    places = located("هبطت في مطار الملكة علياء الدولي ثم في مطار حمد الدولي، وأقلعت من مطار بن غوريون.")
    assert list(places.values()) == ["Queen Alia International Airport", "Hamad International Airport",
                                     "Ben Gurion Airport"]
    doc = annotate("وصل إلى مطار الكويت الدولي ثم إلى مطار عمان، وعاد إلى الكويت.")
    assert [p.location.name_en for p in doc.places] == ["Kuwait City", "Amman", "Kuwait"]
    # an airport named after someone the gazetteer does not know is reported, not placed
    assert all(p.location is None for p in annotate("هبطت الطائرة في مطار هواري بومدين.").places)


def test_place_words_are_not_unknown_names_in_a_list() -> None:
    doc = annotate("سيزور الوزير قرى وبلدات المنطقة، وأحياء الخزامى والبحيرة والصواري.")
    texts = [p.text for p in doc.places]
    assert "وبلدات" not in texts and "البحيرة" in texts and "الصواري" in texts


def test_a_title_does_not_make_a_word_a_small_place() -> None:
    # محافظ is also "portfolios"; حارس (goalkeeper) spells a Syrian village
    assert located("وتملك الصناديق محافظ كبيرة، وقال محافظ حارس المرمى السابق.") == {}
    assert located("وقال أمير دولة الكويت إن") == {"دولة الكويت": "Kuwait"}


def test_adjectives_after_a_definite_place_word_are_not_places() -> None:
    # الشرقية, المالية after a definite noun are adjectives; محافظات الشرقية are the governorates of a region
    assert located("تسيطر الفصائل على الأحياء الشرقية، وتمطر على المحافظات الشرقية والقرى الشرقية.") == {}
    assert located("من الناحية المالية أو الإدارية.") == {}
    assert located("وزار الوزير محافظات الشرقية.") == {}


def test_a_title_heads_no_list_and_a_list_under_a_plural_place_word_names_again() -> None:
    assert located("وكان في استقباله محافظ جدة، وبندر بن سعود.") == {"جدة": "Jeddah"}
    assert located("وأهالي القلمون والقصير الذين استقطبتهم المدينة.")["القصير"] == "Al Quşayr"
    places = located("تركزت الحملات في محافظات الأحساء والخبر وحفر الباطن، وسجلت 140 مخالفة في الخبر.")
    assert places["الخبر"] == "Khobar"


def test_a_plural_place_word_before_other_or_such_as_heads_the_list() -> None:
    # "مدن أخرى كـ"، "مناطق أخرى مثل": the list after أخرى/مثل is a list of the plural place word
    places = located("لصالح مدن أخرى كالدار البيضاء وطنجة وماربيا وأغادير وغيرها.")
    assert places["ماربيا"] == "Marbella"
    places = located("في مناطق أخرى مثل المعضمية والحجر الأسود واليرموك وغيرها حول العاصمة دمشق.")
    assert places["اليرموك"] == "Yarmouk Camp"


def test_the_closing_tag_line_repeats_the_places_of_the_story() -> None:
    text = "يطلق أمير منطقة عسير المهرجان غدا. سمات ابها الامير فيصل امير عسير عسير"
    doc = annotate(text)
    assert [p.start for p in doc.places if p.text == "عسير"] == [text.index("عسير عسير"), text.rindex("عسير")]


def test_a_two_letter_curated_name_needs_a_place_word():
    from marsad.records import Document

    def places(text: str) -> list[tuple[str, str | None]]:
        doc = Document(id="t", source="t", text=text)
        annotate_places(doc)
        return [(p.text, p.location.name_en if p.location else None) for p in doc.places]

    assert places("قصف طيران التحالف مواقع للحوثيين في مدينة إب اليمنية.") == [("إب", "Ibb")]
    assert places("قال أب لثلاثة أطفال إن المدرسة أغلقت.") == []
