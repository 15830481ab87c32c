using System.Collections;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace OpenBadges.Model;

/// <summary>
/// Applies the model's JSON conventions to every property, so the classes carry only their JSON names:
/// one-or-many lists, decimals in their read form, IRI-or-object values, and no empty arrays on output.
/// </summary>
internal sealed class OpenBadgesContractResolver : DefaultContractResolver
{
    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        var type = property.PropertyType;
        if (type is null || property.Converter is not null)
        {
            return property;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var converterType = typeof(OneOrManyConverter<>).MakeGenericType(type.GenericTypeArguments[0]);
            property.Converter = (JsonConverter)Activator.CreateInstance(converterType)!;
            var valueProvider = property.ValueProvider!;

            // Empty arrays say nothing and some validators reject them (minItems): leave them out.
            property.ShouldSerialize = instance =>
                valueProvider.GetValue(instance) is IEnumerable values && values.GetEnumerator().MoveNext();
        }
        else if (type == typeof(decimal?))
        {
            property.Converter = new DecimalNumberConverter();
        }
        else if (type == typeof(Profile))
        {
            property.Converter = new ReferenceOrObjectConverter<Profile>();
        }
        else if (type == typeof(Image))
        {
            property.Converter = new ReferenceOrObjectConverter<Image>();
        }

        return property;
    }
}
