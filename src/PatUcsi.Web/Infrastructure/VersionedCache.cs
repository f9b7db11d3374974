using Microsoft.Extensions.Caching.Memory;

namespace PatUcsi.Web.Infrastructure;

public static class VersionedCache
{
    /// <summary>
    /// The value kept under <paramref name="key"/> if it was made at the data version <paramref name="version"/>, else
    /// made again and kept in its place: one entry per key however many saves happen (these values hold program
    /// reports, and an entry per version would pile up a busy day's worth of them).
    /// </summary>
    public static async Task<T> AtVersionAsync<T>(this IMemoryCache cache, object key, long version, Func<Task<T>> make, TimeSpan keep)
    {
        if (cache.TryGetValue(key, out (long Version, T Value) kept) && kept.Version == version) return kept.Value;
        var value = await make();
        cache.Set(key, (version, value), new MemoryCacheEntryOptions { SlidingExpiration = keep });
        return value;
    }
}
