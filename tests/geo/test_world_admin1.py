"""Admin-1 units of countries Arabic news covers (Afghan provinces, Egyptian governorates), foreign
towns and districts the press names (St. Moritz, Tora), and the spellings Arabic outlets use."""

from __future__ import annotations

from marsad.geo import annotate_places, geocode
from marsad.records import Document


def located(text: str) -> dict[str, tuple[str, str | None, str]]:
    doc = Document(id="t", source="t", text=text, mentions=[])
    annotate_places(doc)
    return {p.text: (p.location.name_en, p.location.admin1, p.location.country) for p in doc.places if p.location}


def test_afghan_provinces_after_their_place_word_and_bare() -> None:
    places = located("قتل خمسة جنود في هجوم بولاية فارياب شمال أفغانستان، وقصفت طائرات مواقع في ولاية خوست "
                     "وفي هلمند وننغرهار.")
    names = {v[0] for v in places.values()}
    assert {"Faryab Province", "Khost Province"} <= names
    assert places["هلمند"][0] == "Helmand Province"
    assert places["ننغرهار"][0] == "Nangarhar Province"


def test_afghan_province_named_after_its_capital_needs_its_place_word() -> None:
    assert located("وصل الوفد إلى قندهار أمس")["قندهار"][0] == "Kandahār"
    province = located("اشتباكات عنيفة في ولاية قندهار جنوب أفغانستان")
    assert any(v[0] == "Kandahar Province" for v in province.values())


def test_towns_share_the_admin1_of_their_afghan_province() -> None:
    town, province = geocode("مزار شريف"), geocode("ولاية بلخ")
    assert town and province and town.admin1 == province.admin1 == "Balkh"
    town, province = geocode("غزني"), geocode("ولاية غزني")
    assert town and province and town.admin1 == province.admin1 == "Ghazni"


def test_egyptian_governorates_are_not_the_sinai_peninsula() -> None:
    places = located("انفجرت عبوة بمدينة العريش في محافظة شمال سيناء، وتواصلت الحملة في شمال سيناء وجنوب سيناء.")
    assert places["شمال سيناء"][0] == "North Sinai Governorate"
    assert places["جنوب سيناء"][0] == "South Sinai Governorate"
    assert places["العريش"][2] == "Egypt"
    assert geocode("سيناء").name_en == "Sinai Peninsula"  # type: ignore[union-attr]


def test_egyptian_governorate_and_its_capital_share_admin1() -> None:
    for city, gov in (("الجيزة", "محافظة الجيزة"), ("أسيوط", "محافظة أسيوط"), ("المنصورة", "الدقهلية"),
                      ("طنطا", "محافظة الغربية")):
        loc, prov = geocode(city, "في مصر"), geocode(gov)
        assert loc and prov and loc.admin1 == prov.admin1, (city, loc, prov)
    assert located("أمطار غزيرة على محافظة مطروح والوادي الجديد")["الوادي الجديد"][0] == "New Valley Governorate"


def test_tora_district_and_its_prison() -> None:
    places = located("توفي المتهم داخل محبسه بسجن شديد الحراسة في طره جنوب القاهرة، وكان مودعا بطرة منذ عامين.")
    assert places["طره"][0] == "Tora (Cairo)"


def test_st_moritz_and_lausanne_in_a_pair_of_towns() -> None:
    places = located("أقام الفريق معسكره في سويسرا بين مدينتي سان مورتيز ولوزان.")
    assert places["سان مورتيز"][0] == "St. Moritz"
    assert places["لوزان"][0] == "Lausanne"


def test_capital_spelled_with_a_short_vowel() -> None:
    assert located("وصلت العقود من مكاتب في جاكرتا")["جاكرتا"][0] == "Jakarta"
    assert located("وصل الوفد إلى اديلايد")["اديلايد"][0] == "Adelaide"


def test_a_name_given_a_place_word_is_that_place_again_without_preposition() -> None:
    text = ("نثرت الأسرة الرماد قبالة مدينة داروين في أستراليا. وكان الطيار قد قتل في غارة على داروين، "
            "إذ قصف الطيارون داروين مرات كثيرة.")
    doc = Document(id="t", source="t", text=text, mentions=[])
    annotate_places(doc)
    darwins = [p for p in doc.places if p.text == "داروين" and p.location and p.location.name_en == "Darwin"]
    assert len(darwins) == 3


def test_a_name_without_place_word_stays_guarded() -> None:
    assert "داروين" not in located("قال العالم إن نظرية داروين ما زالت تثير الجدل")


def test_tag_line_region_of_the_story_country() -> None:
    places = located("يواصل مهرجان أبها للتسوق فعالياته في المركز الدولي للمعارض بأبها. سمات ابها التسوق عسير مهرجان")
    assert places["عسير"][0] == "Asir Region"
    assert "عسير" not in located("كان الطريق عسير على الزوار في أبها")


def test_libyan_districts_sudanese_states_and_somali_regions() -> None:
    places = located("اندلعت اشتباكات في شعبية سبها وفي منطقة الجفرة، ووصلت المساعدات إلى ولاية جنوب دارفور "
                     "وشمال كردفان، وقصفت القوات مواقع في إقليم شبيلي السفلى وجوبا السفلى.")
    names = {v[0] for v in places.values()}
    assert {"Sabha District", "Jufra District", "South Darfur State", "Lower Shabelle", "Lower Juba"} <= names
    assert places["شمال كردفان"][0] == "North Kordofan State"


def test_districts_named_after_their_capital_need_their_place_word() -> None:
    assert located("وصل الوفد إلى سبها أمس")["سبها"][0] == "Sabha"
    assert located("وصل الوفد إلى الخرطوم أمس")["الخرطوم"][0] == "Khartoum"
    assert "النقاط الخمس" not in located("انسحب الجيش من النقاط الخمس جنوب لبنان")
    assert any(v[0] == "Khartoum State" for v in located("أمطار غزيرة في ولاية الخرطوم").values())


def test_towns_share_the_admin1_of_their_state_or_region() -> None:
    for town, unit in (("نيالا", "جنوب دارفور"), ("الفاشر", "شمال دارفور"), ("مقديشو", "إقليم بنادر"),
                       ("بيدوا", "إقليم باي"), ("كسلا", "ولاية كسلا"), ("طبرق", "البطنان")):
        t, u = geocode(town), geocode(unit)
        assert t and u and u.feature == "admin1" and t.admin1 == u.admin1, (town, unit)


def test_iranian_provinces() -> None:
    places = located("ضرب زلزال محافظة كرمانشاه غرب إيران، وشعر به سكان لرستان وخوزستان، واعتقل ناشطون في "
                     "سيستان وبلوشستان وفي محافظة جيلان.")
    names = {v[0] for v in places.values()}
    assert {"Kermanshah Province", "Lorestan Province", "Khuzestan Province", "Sistan and Baluchestan Province",
            "Gilan Province"} <= names
    assert located("وصل الوفد إلى كرمانشاه أمس")["كرمانشاه"][0] == "Kermanshah"
    assert located("سقط صاروخ في أذربيجان الغربية")["أذربيجان الغربية"][0] == "West Azerbaijan Province"
    for town, unit in (("الأهواز", "خوزستان"), ("زاهدان", "سيستان وبلوشستان"), ("بندر عباس", "هرمزغان"),
                       ("شيراز", "محافظة فارس"), ("تبريز", "أذربيجان الشرقية")):
        t, u = geocode(town), geocode(unit)
        assert t and u and u.feature == "admin1" and t.admin1 == u.admin1, (town, unit)


def test_turkish_provinces_only_with_their_place_word_where_named_after_their_capital() -> None:
    places = located("ضرب زلزال ولاية كهرمان مرعش، وامتدت الأضرار إلى هاتاي وولاية غازي عنتاب.")
    names = {v[0] for v in places.values()}
    assert {"Kahramanmaraş Province", "Hatay Province", "Gaziantep Province"} <= names
    assert located("وصل الوفد إلى غازي عنتاب أمس")["غازي عنتاب"][0] == "Gaziantep"
    assert located("وصل الوفد إلى أنقرة أمس")["أنقرة"][0] == "Ankara"
    for town, unit in (("أنطاكية", "هاتاي"), ("إزميت", "كوجالي"), ("سروج", "ولاية شانلي أورفة")):
        t, u = geocode(town), geocode(unit)
        assert t and u and u.feature == "admin1" and t.admin1 == u.admin1, (town, unit)


def test_australian_states_and_the_northern_territory_after_a_place_word() -> None:
    places = located("نثرت رماد رفاتها قبالة مدينة داروين عاصمة الإقليم الشمالي بأستراليا")
    assert places["الإقليم الشمالي"][0] == "Northern Territory"
    assert "الإقليم الشمالي" not in located("أكد مدير المبيعات بالإقليم الشمالي بالخطوط السعودية أن الرحلات زادت")
    places = located("غمرت الفيضانات ولاية نيو ساوث ويلز وتسمانيا وولاية فيكتوريا وأستراليا الغربية")
    assert {"New South Wales", "Tasmania", "Victoria (Australia)", "Western Australia"} <= {v[0] for v in places.values()}
    town, state = geocode("سيدني"), geocode("نيو ساوث ويلز")
    assert town and state and town.admin1 == state.admin1 == "New South Wales"


def test_hefei_spelling_and_chinese_towns_share_their_province_admin1() -> None:
    assert located("انطلقت فعاليات كأس العالم للروبوتات بمدينة خيفي بالصين")["خيفي"][0] == "Hefei"
    for town, province in (("خيفي", "آنهوي"), ("أورومتشي", "شينجيانغ"), ("لاسا", "التبت")):
        t, p = geocode(town), geocode(province)
        assert t and p and p.feature == "admin1" and t.admin1 == p.admin1, (town, province)


def test_haql_only_after_a_place_word_never_the_bare_word_field() -> None:
    assert located("انطلقت الفعاليات على سواحل محافظة «حقل» بجملة من البرامج")["حقل"][0] == "Haql"
    assert any(v[0] == "Haql" for v in located("وصل الوفد إلى مدينة حقل أمس").values())
    assert "حقل" not in located("اكتشفت الشركة حقل غاز جديد في منطقة حقل الشيبة")
    assert "حقل" not in located("يعمل في حقل التعليم منذ سنوات في تبوك")
