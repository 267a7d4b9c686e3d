using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Partner.Bff.Orders;

/// <summary>A validated order to place, in the domain's terms whatever the version it came in.</summary>
/// <param name="Lines">Product id and quantity per line, each product once, in the order sent.</param>
internal sealed record OrderDraft(IReadOnlyList<(int ProductId, int Quantity)> Lines)
{
    /// <summary>
    /// SHA-256 of the canonical order: the same order sent in v1 or v2, with other whitespace or ignored fields,
    /// has the same fingerprint, so an idempotency key reused across them replays instead of failing.
    /// </summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var (productId, quantity) in Lines)
        {
            text.Append(productId.ToString(CultureInfo.InvariantCulture)).Append('x').Append(quantity.ToString(CultureInfo.InvariantCulture)).Append(';');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
