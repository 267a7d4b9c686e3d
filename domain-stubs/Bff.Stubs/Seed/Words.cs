namespace Bff.Stubs.Seed;

/// <summary>The vocabulary the seed draws names and texts from.</summary>
internal static class Words
{
    public static IReadOnlyList<string> FirstNames { get; } =
    [
        "Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Hugo", "Lena", "Jonas", "Sofia", "Mateo", "Chloe", "Elias",
        "Nora", "Leon", "Clara", "Felix", "Ines", "Oscar", "Julia", "Adam", "Zoe", "Theo", "Maya", "Paul", "Sara", "Louis",
        "Alma", "Victor", "Ella", "Arthur", "Lina", "Jules", "Rosa", "Milan", "Anna", "Ivan", "Greta", "Tom",
    ];

    public static IReadOnlyList<string> LastNames { get; } =
    [
        "Martin", "Bernard", "Dubois", "Schmidt", "Muller", "Rossi", "Garcia", "Lopez", "Novak", "Jansen", "Smith", "Brown",
        "Weber", "Fischer", "Moreau", "Laurent", "Silva", "Costa", "Nielsen", "Larsen", "Kowalski", "Horvat", "Meyer",
        "Wagner", "Ferrari", "Romano", "Petit", "Durand", "Leroy", "Fontaine", "Becker", "Hoffmann", "Visser", "Peeters",
    ];

    public static IReadOnlyList<Category> Categories { get; } =
    [
        new("Books", 18m, ["Novel", "Cookbook", "Atlas", "Biography", "Field Guide", "Poetry Collection"]),
        new("Electronics", 120m, ["Headphones", "Speaker", "Charger", "Keyboard", "Monitor", "Webcam", "Router"]),
        new("Home & Kitchen", 45m, ["Kettle", "Pan", "Knife Set", "Blender", "Toaster", "Teapot", "Cutting Board"]),
        new("Garden", 35m, ["Hose", "Planter", "Pruner", "Watering Can", "Bird Feeder", "Lantern"]),
        new("Toys", 25m, ["Puzzle", "Building Set", "Plush Bear", "Board Game", "Kite", "Train Set"]),
        new("Sports", 55m, ["Yoga Mat", "Running Shoes", "Water Bottle", "Tennis Racket", "Backpack", "Helmet"]),
        new("Beauty", 20m, ["Face Cream", "Shampoo", "Perfume", "Lip Balm", "Hair Brush", "Soap Bar"]),
        new("Grocery", 8m, ["Coffee Beans", "Olive Oil", "Green Tea", "Dark Chocolate", "Honey", "Pasta"]),
        new("Clothing", 40m, ["T-Shirt", "Hoodie", "Scarf", "Jacket", "Socks", "Cap"]),
        new("Music", 30m, ["Vinyl Record", "Guitar Strings", "Ukulele", "Harmonica", "Metronome", "Drumsticks"]),
    ];

    public static IReadOnlyList<string> Adjectives { get; } =
    [
        "Classic", "Compact", "Deluxe", "Eco", "Essential", "Premium", "Vintage", "Smart", "Rugged", "Handmade", "Modern",
        "Nordic", "Organic", "Pocket", "Pro", "Soft", "Travel", "Ultra",
    ];

    public static IReadOnlyList<string> Models { get; } =
    [
        "One", "Two", "Mini", "Max", "Plus", "Lite", "S", "X", "Air", "Go", "2026", "Edition",
    ];

    public static IReadOnlyList<string> ProductClaims { get; } =
    [
        "built to last for years of daily use.",
        "designed with care in a small workshop.",
        "that our customers keep coming back for.",
        "made from responsibly sourced materials.",
        "with a two-year warranty and free returns.",
        "light enough to take anywhere.",
        "tested by our team before it ships.",
    ];

    /// <summary>Review titles by rating (index 0 = one star).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ReviewTitles { get; } =
    [
        ["Very disappointed", "Broke after a week", "Not as described", "Would not buy again"],
        ["Below expectations", "Meh", "Could be much better", "Not worth the price"],
        ["It's okay", "Average", "Does the job", "Mixed feelings"],
        ["Good value", "Pretty good", "Happy with it", "Solid choice"],
        ["Excellent!", "Love it", "Best purchase this year", "Highly recommended"],
    ];

    /// <summary>First sentences of review bodies by rating (index 0 = one star).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ReviewOpenings { get; } =
    [
        ["It stopped working almost at once.", "The quality is poor.", "Nothing like the pictures."],
        ["It works, but barely.", "I expected more for the money.", "Shipping was slow and the box was damaged."],
        ["It is fine for occasional use.", "Some things are good, some are not.", "Decent, nothing special."],
        ["Works well and arrived quickly.", "Good quality for the price.", "Does what it promises."],
        ["Absolutely perfect.", "Exceeded every expectation.", "I bought a second one for a friend."],
    ];

    public static IReadOnlyList<string> ReviewDetails { get; } =
    [
        "Packaging was minimal and recyclable.",
        "Customer service answered within a day.",
        "The colour is slightly different from the photo.",
        "Setup took less than five minutes.",
        "I have used it every day for a month now.",
        "The instructions could be clearer.",
        "It feels sturdier than I thought.",
        "My kids love it too.",
    ];
}
