//! Tests of the header vocabulary.

use super::*;

fn dict() -> &'static HeaderDictionary {
    HeaderDictionary::builtin()
}

#[test]
fn every_shipped_line_names_a_known_field() {
    let mut rdr = csv::Reader::from_reader(BUILTIN.as_bytes());
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.unwrap();
        assert!(
            Field::parse(&rec[0]).is_some(),
            "line {}: {:?}",
            i + 2,
            &rec[0]
        );
        assert!(
            rec[2].is_empty() || Lang::parse(&rec[2]).is_some(),
            "line {}",
            i + 2
        );
    }
}

#[test]
fn headers_of_real_lists_map_to_fields() {
    let cases = [
        ("ФИО", Field::FullName),
        ("Ф.И.О.", Field::FullName),
        ("Фамилия", Field::Surname),
        ("Имя", Field::Given),
        ("Отчество", Field::Patronymic),
        ("Год рождения", Field::BirthDate),
        ("Дата рождения", Field::BirthDate),
        ("Место рождения", Field::BirthPlace),
        ("Национальность", Field::Nationality),
        ("Дата ареста", Field::ArrestDate),
        ("Статья", Field::Charge),
        ("Приговор", Field::Sentence),
        ("Орган", Field::SentencingOrgan),
        ("Реабилитирован", Field::Decision),
        ("Дата реабилитации", Field::DecisionDate),
        ("Решение", Field::Decision),
        ("Основание", Field::LegalBasis),
        ("Аты-жөні", Field::FullName),
        ("Туған жылы", Field::BirthDate),
        ("Ақталған күні", Field::DecisionDate),
        ("Шешім", Field::Decision),
        ("F.I.Sh.", Field::FullName),
        ("Familiyasi", Field::Surname),
        ("Ismi", Field::Given),
        ("Otasining ismi", Field::Patronymic),
        ("Tug'ilgan yili", Field::BirthDate),
        ("Tugʻilgan yili", Field::BirthDate),
        ("Qaror sanasi", Field::DecisionDate),
        ("Sud", Field::DecidingBody),
        ("Surname", Field::Surname),
        ("Name", Field::Given),
        ("Date of birth", Field::BirthDate),
        ("Place of birth", Field::BirthPlace),
        ("Case no.", Field::CaseNumber),
        ("Arrest date", Field::ArrestDate),
        ("Article", Field::Charge),
        ("№", Field::RecordId),
        ("ID", Field::RecordId),
        ("Рег. №", Field::RecordId),
        ("Case ref", Field::RecordId),
        ("Реттік нөмірі", Field::RecordId),
        ("  ДАТА   АРЕСТА ", Field::ArrestDate),
        ("Год рождения (по документам)", Field::BirthDate),
        ("Oqlangan sana", Field::DecisionDate),
        ("Оқланган", Field::Decision),
        ("Qamoqqa olingan", Field::ArrestDate),
        ("Акталган күнү", Field::DecisionDate),
        ("Камакка алынган", Field::ArrestDate),
        ("Өкүм", Field::Sentence),
        ("Жашаган жери", Field::Residence),
    ];
    for (header, field) in cases {
        assert_eq!(dict().lookup(header).map(|x| x.0), Some(field), "{header}");
    }
    assert_eq!(dict().lookup("Источник"), None);
}

#[test]
fn unseen_wordings_read_by_words_stems_and_abbreviations() {
    let cases = [
        ("Г. рожд.", Field::BirthDate),
        ("Дата рожд-я", Field::BirthDate),
        ("Рожд.", Field::BirthDate),
        ("Отч-во", Field::Patronymic),
        ("Гражд-во", Field::Nationality),
        ("Место жительства до ареста", Field::Residence),
        ("Кем осужден", Field::SentencingOrgan),
        ("Tugʻilgan joyi", Field::BirthPlace),
        ("Туған жері", Field::BirthPlace),
        ("DOB", Field::BirthDate),
        ("Given names", Field::Given),
        ("Family name", Field::Surname),
        ("rec_id", Field::RecordId),
        ("date_of_birth", Field::BirthDate),
        ("given_name", Field::Given),
        ("Шифр", Field::RecordId),
        ("Инв. №", Field::RecordId),
        ("Арх. №", Field::RecordId),
        ("Key", Field::RecordId),
        ("Дата рождения (по паспорту)", Field::BirthDate),
        ("МЕСТО РОЖДЕНИЯ:", Field::BirthPlace),
        ("Рождение дата", Field::BirthDate),
        ("Рождение место", Field::BirthPlace),
        ("Тегі, аты-жөні", Field::FullName),
        ("Familiyasi, ismi, sharifi", Field::FullName),
        ("Surname and given names", Field::FullName),
        ("NN п/п", Field::RecordId),
        ("Откуда родом", Field::BirthPlace),
        ("address_1", Field::Residence),
    ];
    for (header, field) in cases {
        let read = dict().read(header);
        assert_eq!(
            read.as_ref().map(|m| m.field),
            Some(field),
            "{header}: {read:?}"
        );
        assert!(
            read.as_ref()
                .is_some_and(|m| m.confidence > Confidence::Unknown),
            "{header}: {read:?}"
        );
    }
}

#[test]
fn no_phrase_is_claimed_by_two_fields() {
    let collisions = dict().collisions();
    assert!(collisions.is_empty(), "{collisions:#?}");
}

#[test]
fn a_collision_added_to_the_vocabulary_is_found() {
    let dict = HeaderDictionary::from_csv(
        "field,header,lang\nbirth_place,Место рождения,ru\nresidence,Рождения место,ru\n",
    )
    .unwrap();
    assert_eq!(dict.collisions().len(), 1);
    let read = dict.read("Место рождения района").unwrap();
    assert!(read.rival.is_some(), "{read:?}");
    assert_eq!(dict.lookup("Место рождения района"), None);
}

#[test]
fn words_no_field_claims_are_read_as_nothing() {
    for header in ["Источник", "Графа 7", "", "—", "(примечание)"] {
        assert_eq!(dict().lookup(header), None, "{header}");
    }
}

#[test]
fn an_event_beside_date_words_alone_heads_the_column_of_its_date() {
    let cases = [
        ("Оқланган санаси", Some(Field::DecisionDate)),
        ("Өкүм күнү", Some(Field::SentenceDate)),
        ("Оқланган", Some(Field::Decision)),
        ("Өкүм", Some(Field::Sentence)),
    ];
    for (header, field) in cases {
        assert_eq!(dict().lookup(header).map(|x| x.0), field, "{header}");
    }
    let beside_a_place = dict().read("Оқланган жойи").map(|m| m.field);
    assert_ne!(beside_a_place, Some(Field::DecisionDate));
}

#[test]
fn initials_stand_for_a_phrase_in_its_order() {
    assert_eq!(
        dict().lookup("Р/с").map(|x| x.0),
        Some(Field::RecordId),
        "Реттік саны"
    );
    assert_eq!(dict().lookup("т/р").map(|x| x.0), Some(Field::RecordId));
    let sign_last = dict().read("П/п №").expect("read");
    assert_eq!(
        (sign_last.field, sign_last.confidence),
        (Field::RecordId, Confidence::High)
    );
}
