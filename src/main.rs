fn main() {
    newsmark::run();
}
