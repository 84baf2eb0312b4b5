"""Readable Latin names for Arabic names that the KB does not know ("Talal Silo", "Rojda Falat").

Arabic script leaves short vowels out, so no rule set can recover them; the aim is a name an
analyst can read and search, in the spelling English-language news tends to use, not a
scholarly transliteration. Three layers:

1. a small table of very frequent Arabic given names and name parts, spelled as the press spells
   them (محمد → Mohammed, عبد الله → Abdullah);
2. letter rules: consonants to their usual Latin letters, ا → a, و/ي → u/i or w/y by position,
   ة/ى at the end → a, the article ال → al- (assimilated before sun letters is *not* done: al-Shams
   is how news writes it);
3. vowel insertion: an 'a' between two consonants at the start of a word, where Arabic would carry
   an unwritten short vowel (طلال → Talal, سلو → Salo), so that names are pronounceable.
"""

from __future__ import annotations

from marsad.text.normalize import match_form

# Frequent name words, as English-language news spells them. Keys are in matching form.
NAME_WORDS = {
    "محمد": "Mohammed", "احمد": "Ahmed", "محمود": "Mahmoud", "مصطفي": "Mustafa", "علي": "Ali",
    "حسن": "Hassan", "حسين": "Hussein", "عمر": "Omar", "عثمان": "Othman", "خالد": "Khaled",
    "ابراهيم": "Ibrahim", "اسماعيل": "Ismail", "يوسف": "Youssef", "يحيي": "Yahya", "عيسي": "Issa",
    "موسي": "Moussa", "سليمان": "Suleiman", "صالح": "Saleh", "سعيد": "Saeed", "سعد": "Saad",
    "فيصل": "Faisal", "عادل": "Adel", "سامي": "Sami", "رامي": "Rami", "نبيل": "Nabil",
    "جمال": "Jamal", "كمال": "Kamal", "طارق": "Tariq", "زياد": "Ziad", "وليد": "Walid",
    "ماهر": "Maher", "بشار": "Bashar", "حافظ": "Hafez", "رياض": "Riad", "فراس": "Firas",
    "عماد": "Imad", "عصام": "Issam", "هشام": "Hisham", "نور": "Nour", "فاطمه": "Fatima",
    "عائشه": "Aisha", "زينب": "Zainab", "مريم": "Maryam", "ليلي": "Layla", "سلمي": "Salma",
    "الهام": "Ilham", "امل": "Amal", "هدي": "Huda", "اسماء": "Asmaa", "رنا": "Rana",
    "عبد": "Abdel", "عبدالله": "Abdullah", "ابو": "Abu", "ام": "Umm", "بن": "bin", "ابن": "ibn",
    "بنت": "bint", "ال": "Al", "الله": "Allah", "الدين": "al-Din", "الرحمن": "al-Rahman",
    "الرحيم": "al-Rahim", "العزيز": "al-Aziz", "الكريم": "al-Karim", "القادر": "al-Qader",
    "السلام": "al-Salam", "الحسن": "al-Hassan", "الحسين": "al-Hussein", "النور": "al-Nour",
    "عبدالرحمن": "Abdulrahman", "عبدالعزيز": "Abdulaziz", "عبدالكريم": "Abdulkarim",
    "عبدالقادر": "Abdulqader", "عبدالسلام": "Abdulsalam", "عبدالرحيم": "Abdulrahim",
    "نصر": "Nasr", "جابر": "Jaber", "قاسم": "Qassem", "هاشم": "Hashem", "ناصر": "Nasser",
    "منصور": "Mansour", "مراد": "Murad", "مهدي": "Mahdi", "عباس": "Abbas", "جعفر": "Jaafar",
    "حمزه": "Hamza", "اسامه": "Osama", "حمد": "Hamad", "راشد": "Rashid", "زايد": "Zayed",
    "سلمان": "Salman", "عبدالمجيد": "Abdulmajid", "رمضان": "Ramadan", "شريف": "Sharif",
}
# Foreign given names as English-language news spells them (Russian ones in the usual English
# transliteration): the Arabic spelling drops the vowels that letter rules cannot restore.
FOREIGN_NAME_WORDS = {
    "الكسندر": "Alexander", "اليكساندر": "Alexander", "الكساندر": "Alexander", "بيتر": "Peter",
    "كرتيس": "Curtis", "كيرتس": "Curtis", "جون": "John", "مايكل": "Michael", "مايك": "Mike",
    "ديفيد": "David", "دافيد": "David", "جيمس": "James", "جيمز": "James", "روبرت": "Robert",
    "ويليام": "William", "وليام": "William", "ريتشارد": "Richard", "توماس": "Thomas",
    "جوزيف": "Joseph", "بول": "Paul", "مارك": "Mark", "ستيفن": "Stephen", "ستيفان": "Stefan",
    "جورج": "George", "هنري": "Henry", "تشارلز": "Charles", "فرانسوا": "François",
    "ايمانويل": "Emmanuel", "جان": "Jean", "بيير": "Pierre", "ميشيل": "Michel",
    "انطونيو": "Antonio", "كارلوس": "Carlos", "ماريا": "Maria",
    "سيرغي": "Sergei", "سيرجي": "Sergei", "فلاديمير": "Vladimir", "ديمتري": "Dmitry",
    "دميتري": "Dmitry", "ديميتري": "Dmitry", "ايغور": "Igor", "ايجور": "Igor", "يوري": "Yuri",
    "ميخاييل": "Mikhail", "اندريه": "Andrei", "نيكولاي": "Nikolai", "اليكسي": "Alexei",
    "ايفان": "Ivan", "بوريس": "Boris", "فاليري": "Valery", "غينادي": "Gennady",
    "يفغيني": "Yevgeny", "فيكتور": "Viktor", "اوليغ": "Oleg", "اناتولي": "Anatoly",
    "هيلاري": "Hillary", "باراك": "Barack",
    "دونالد": "Donald", "ريكس": "Rex", "جوزيب": "Josep", "ستافان": "Staffan",
    "رايان": "Ryan", "هيذر": "Heather", "فيديريكا": "Federica", "انجيلا": "Angela",
    "تيريزا": "Theresa",
}
# Two-word name parts written as one in English.
NAME_PAIRS = {("عبد", "الله"): "Abdullah", ("عبد", "الرحمن"): "Abdulrahman",
              ("عبد", "العزيز"): "Abdulaziz", ("عبد", "الكريم"): "Abdulkarim",
              ("عبد", "السلام"): "Abdulsalam", ("عبد", "القادر"): "Abdulqader",
              ("عبد", "الرحيم"): "Abdulrahim", ("عبد", "المجيد"): "Abdulmajid",
              ("نصر", "الله"): "Nasrallah", ("عز", "الدين"): "Ezzeldin", ("نور", "الدين"): "Nureddin"}

CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'", "غ": "gh",
    "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "'",
}
VOWEL_LETTERS = set("aeiou")


def _letters(word: str) -> list[str]:
    """Latin pieces for each letter of one matching-form word, vowels decided by position."""
    out: list[str] = []
    last = len(word) - 1
    for i, ch in enumerate(word):
        prev_vowel = bool(out) and out[-1][-1:] in VOWEL_LETTERS
        if ch == "ا":
            out.append("a")
        elif ch == "و":
            # A consonant at the start or after a vowel (Walid, Rawi); else a vowel, "ov" in the
            # Russian ending -وف (Ushakov), "o" elsewhere (Rojda, Silo).
            # Before an alef it is a consonant too (رضوان → Radwan, سلوان → Salwan).
            out.append("w" if i == 0 or prev_vowel or word[i + 1:i + 2] == "ا" else "o")
        elif ch == "ي":
            out.append("y" if i == 0 or prev_vowel else "i")
        elif ch == "ه" and i == last and i > 1:
            out.append("a")  # ta marbuta folded to ه: فاطمة → Fatima-like "a"
        elif ch == "ف" and i == last and i > 1 and word[i - 1] == "و":
            out.append("v")  # the Russian surname ending -ov (Ushakov, Lavrov)
        elif ch == "ع":
            out.append("" if i == 0 or i == last else "'")
        else:
            out.append(CONSONANTS.get(ch, ch if ch.isascii() else ""))
    return out


def _with_vowels(pieces: list[str], after_vowel: bool = False) -> str:
    """Insert the unwritten vowel between two consonants at the start (طلال → Talal), and before a
    final lone consonant cluster of three (so names stay pronounceable)."""
    pieces = [p for p in pieces if p]
    if not pieces:
        return ""
    text = pieces[0]
    for i, piece in enumerate(pieces[1:], 1):
        prev_consonant = text[-1:] not in VOWEL_LETTERS and text[-1:] != "'"
        this_consonant = piece[0] not in VOWEL_LETTERS
        if i == 1 and prev_consonant and this_consonant and not after_vowel:
            text += "a"
        elif prev_consonant and this_consonant and i >= 2 and text[-2:-1] not in VOWEL_LETTERS:
            text += "a"  # three consonants in a row: break the cluster
        text += piece
    return text


def _initial_vowel(word: str, form: str) -> tuple[str, str]:
    """An initial alef carrying a vowel, read from the hamza that matching form folds away:
    إي → I (Igor), أو/او → U (Ushakov), إ → I (Islam); the rest of the form goes on."""
    if not form.startswith("ا") or len(form) < 3:
        return "", form
    if form[1] == "ي":
        return "i", form[2:]
    if form[1] == "و":
        return "u", form[2:]
    if word.startswith("إ"):
        return "i", form[1:]
    return "", form


def romanize_word(word: str) -> str:
    """One Arabic word (any spelling) as a capitalised Latin word."""
    form = match_form(word)
    if not form:
        return ""
    if form in NAME_WORDS:
        return NAME_WORDS[form]
    if form in FOREIGN_NAME_WORDS:
        return FOREIGN_NAME_WORDS[form]
    if form.isascii():
        return word
    prefix = ""
    # The article is a plain ال; أل/إل with hamza start a foreign name (ألكسندر).
    if form.startswith("ال") and len(form) > 3 and not word.startswith(("أ", "إ", "آ")):
        stem = form[2:]
        if stem in NAME_WORDS:
            return "al-" + NAME_WORDS[stem].removeprefix("al-")
        prefix, form = "al-", stem
    vowel, form = _initial_vowel(word, form)
    latin = vowel + _with_vowels(_letters(form), after_vowel=bool(vowel))
    latin = latin.strip("'")
    return prefix + latin[:1].upper() + latin[1:] if latin else ""


def romanize(name: str) -> str:
    """A readable Latin rendering of an Arabic name: 'طلال سلو' → 'Talal Salo'."""
    words = [w for w in name.split() if match_form(w)]
    forms = [match_form(w) for w in words]
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = tuple(forms[i:i + 2])
        if len(pair) == 2 and pair in NAME_PAIRS:
            out.append(NAME_PAIRS[pair])  # type: ignore[index]
            i += 2
            continue
        latin = romanize_word(words[i])
        if latin:
            out.append(latin)
        i += 1
    text = " ".join(out)
    return text[:1].upper() + text[1:] if text else ""
