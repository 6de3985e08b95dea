fn main() {
    println!("{}", rehab::normalize::translit::match_key("Шокаев"));
}
